package org.pocketsim.workload.importer;

import com.fasterxml.jackson.databind.JsonNode;
import org.pocketsim.workload.trace.InMemoryTrace;
import org.pocketsim.workload.trace.TraceInfo;
import org.pocketsim.workload.trace.TraceShape;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Imports JSONL of chosen expert ids per token and layer, one token per line:
 * {@code {"tok": n, "layers": [[id, ...] per layer]}} (the OLMoE trace of sqliteai/warp).
 * {@code tok} must count up by one; every row must hold top-k distinct ids below the expert
 * count, which the data cannot tell and the spec must give. The i-th list of a line belongs to
 * the model layer {@link ImportSpec#modelLayers} gives (the model's i-th MoE layer when the
 * model is known); the trace stores it under that layer's number.
 */
public final class ExpertIdsJsonlImporter implements TraceImporter {

    @Override
    public String format() {
        return "expert-ids-jsonl";
    }

    @Override
    public List<ImportedTrace> read(Path in, ImportSpec spec) {
        if (spec.experts() < 1) throw new IllegalArgumentException(format() + " needs the model's expert count (--experts)");
        List<JsonLines.Line> lines = JsonLines.read(in);
        int tokens = lines.size();
        int fileLayers = -1;
        int topK = -1;
        // one row per read token (all its layers' ids), packed per layer at the end: memory grows
        // with the lines read, not with the line count of a file that may break at its second line
        List<int[]> rows = new ArrayList<>(Math.min(tokens, 4096));
        List<Integer> modelLayers = null;
        int firstTok = 0;
        for (int t = 0; t < tokens; t++) {
            JsonLines.Line line = lines.get(t);
            int tok = JsonLines.intField(in, line, "tok");
            if (t == 0) firstTok = tok;
            else if (tok != firstTok + t) throw JsonLines.error(in, line.number(), "tok " + tok + " breaks the sequence, expected " + (firstTok + t));
            JsonNode layers = JsonLines.arrayField(in, line.number(), line.node(), "layers");
            if (fileLayers < 0) {
                fileLayers = layers.size();
                if (fileLayers == 0) throw JsonLines.error(in, line.number(), "layers is empty");
                modelLayers = spec.modelLayers(in, line.number(), fileLayers);
                topK = layers.get(0).size();
                if (topK > spec.experts()) {
                    throw JsonLines.error(in, line.number(), "layer 0 holds " + topK + " ids, more than the " + spec.experts() + " experts");
                }
                JsonLines.checkValues(in, line.number(), tokens, topK, "ids");
            }
            if (layers.size() != fileLayers) {
                throw JsonLines.error(in, line.number(), "holds " + layers.size() + " layers, the first line " + fileLayers);
            }
            int[] row = new int[fileLayers * topK];
            for (int l = 0; l < fileLayers; l++) readRow(in, line.number(), layers.get(l), l, topK, spec.experts(), row, l * topK);
            rows.add(row);
        }
        int[][] ids = new int[fileLayers][tokens * topK];
        for (int t = 0; t < tokens; t++) {
            for (int l = 0; l < fileLayers; l++) System.arraycopy(rows.get(t), l * topK, ids[l], t * topK, topK);
        }
        TraceShape shape = ImportShapes.shape(spec, modelLayers, spec.experts(), topK);
        InMemoryTrace trace = new InMemoryTrace(ImportShapes.info(spec, TraceInfo.SourceKind.IMPORTED, tokens, modelLayers, null), shape);
        for (int l = 0; l < fileLayers; l++) trace.putExperts(modelLayers.get(l), ids[l]);
        return List.of(new ImportedTrace("", trace));
    }

    private static void readRow(Path in, int line, JsonNode row, int layer, int topK, int experts, int[] dst, int offset) {
        if (!row.isArray() || row.size() != topK) {
            throw JsonLines.error(in, line, "layer " + layer + " holds " + (row.isArray() ? row.size() + " ids" : row.toString()) + ", expected " + topK + " ids");
        }
        for (int k = 0; k < topK; k++) {
            JsonNode v = row.get(k);
            if (!v.isIntegralNumber() || v.asLong() < 0 || v.asLong() >= experts) {
                throw JsonLines.error(in, line, "layer " + layer + " holds expert id " + v + ", outside 0.." + (experts - 1));
            }
            int id = v.asInt();
            for (int j = 0; j < k; j++) {
                if (dst[offset + j] == id) throw JsonLines.error(in, line, "layer " + layer + " holds expert id " + id + " twice");
            }
            dst[offset + k] = id;
        }
    }
}

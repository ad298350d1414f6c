package org.pocketsim.workload.importer;

import com.fasterxml.jackson.databind.JsonNode;
import org.pocketsim.workload.trace.InMemoryTrace;
import org.pocketsim.workload.trace.TensorKind;
import org.pocketsim.workload.trace.TraceInfo;
import org.pocketsim.workload.trace.TraceShape;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Imports JSONL of router logits per decode step (the Switch-base-32 trace):
 * {@code {"article_id": s, "step": n, "input_token_id": i, "layers": [{"moe_layer": j,
 * "top1": e, "router_logits": [E floats]}, ...]}}. Each article is one generated sequence and
 * becomes one trace (in order of first appearance), with {@code router_logits} [T, E] and the
 * model's top-1 choice as {@code experts} [T, 1]. Steps must count up from 0 within an article.
 * Token ids are not stored: {@code input_token_id} is the decoder input of a step, not the
 * token the step generated (see docs/traces.md). {@code moe_layer} counts the file's MoE layers
 * from 0; {@link ImportSpec#modelLayers} maps them onto model layers.
 */
public final class RouterLogitsJsonlImporter implements TraceImporter {

    @Override
    public String format() {
        return "router-logits-jsonl";
    }

    private static final class Sequence {
        final List<float[][]> logits = new ArrayList<>();
        final List<int[]> top1 = new ArrayList<>();
    }

    @Override
    public List<ImportedTrace> read(Path in, ImportSpec spec) {
        Map<String, Sequence> sequences = new LinkedHashMap<>();
        int fileLayers = -1;
        List<Integer> modelLayers = null;
        int experts = spec.experts();
        List<JsonLines.Line> lines = JsonLines.read(in);
        boolean sized = false;
        for (JsonLines.Line line : lines) {
            JsonNode idNode = line.node().get("article_id");
            if (idNode == null || !idNode.isTextual() || idNode.asText().isBlank()) {
                throw JsonLines.error(in, line.number(), "field article_id missing or not a string");
            }
            Sequence seq = sequences.computeIfAbsent(idNode.asText(), k -> new Sequence());
            int step = JsonLines.intField(in, line, "step");
            if (step != seq.logits.size()) {
                throw JsonLines.error(in, line.number(), "step " + step + " of article " + idNode.asText() + ", expected " + seq.logits.size());
            }
            JsonNode layers = JsonLines.arrayField(in, line.number(), line.node(), "layers");
            if (fileLayers < 0) {
                fileLayers = layers.size();
                if (fileLayers == 0) throw JsonLines.error(in, line.number(), "layers is empty");
                modelLayers = spec.modelLayers(in, line.number(), fileLayers);
            }
            if (layers.size() != fileLayers) {
                throw JsonLines.error(in, line.number(), "holds " + layers.size() + " layers, the first line " + fileLayers);
            }
            float[][] stepLogits = new float[fileLayers][];
            int[] stepTop1 = new int[fileLayers];
            for (int l = 0; l < fileLayers; l++) {
                JsonNode layer = layers.get(l);
                JsonNode moe = layer.get("moe_layer");
                if (moe == null || !moe.isIntegralNumber() || moe.asInt() != l) {
                    throw JsonLines.error(in, line.number(), "layers[" + l + "].moe_layer is " + moe + ", expected " + l);
                }
                JsonNode logits = JsonLines.arrayField(in, line.number(), layer, "router_logits");
                if (experts == 0) experts = logits.size();
                if (!sized) {
                    // every record could be a step of one article: the largest tensor a layer can need
                    JsonLines.checkValues(in, line.number(), lines.size(), experts, "router logits");
                    sized = true;
                }
                if (logits.size() != experts) {
                    throw JsonLines.error(in, line.number(), "layers[" + l + "] holds " + logits.size() + " router logits, expected " + experts);
                }
                stepLogits[l] = new float[experts];
                for (int e = 0; e < experts; e++) {
                    JsonNode v = logits.get(e);
                    if (!v.isNumber()) throw JsonLines.error(in, line.number(), "layers[" + l + "].router_logits[" + e + "] is " + v + ", not a number");
                    stepLogits[l][e] = v.floatValue();
                }
                JsonNode top = layer.get("top1");
                if (top == null || !top.isIntegralNumber() || top.asInt() < 0 || top.asInt() >= experts) {
                    throw JsonLines.error(in, line.number(), "layers[" + l + "].top1 is " + top + ", outside 0.." + (experts - 1));
                }
                stepTop1[l] = top.asInt();
            }
            seq.logits.add(stepLogits);
            seq.top1.add(stepTop1);
        }
        TraceShape shape = ImportShapes.shape(spec, modelLayers, experts, 1);
        List<ImportedTrace> out = new ArrayList<>();
        for (Map.Entry<String, Sequence> e : sequences.entrySet()) {
            out.add(new ImportedTrace(e.getKey(), build(spec, shape, modelLayers, e.getKey(), e.getValue(), sequences.size() > 1)));
        }
        return out;
    }

    private static InMemoryTrace build(ImportSpec spec, TraceShape shape, List<Integer> modelLayers, String id, Sequence seq, boolean many) {
        int tokens = seq.logits.size();
        int experts = shape.experts();
        TraceInfo info = ImportShapes.info(spec, TraceInfo.SourceKind.IMPORTED, tokens, modelLayers, many ? id : null);
        InMemoryTrace trace = new InMemoryTrace(info, shape);
        for (int l = 0; l < modelLayers.size(); l++) {
            float[] logits = new float[tokens * experts];
            int[] top1 = new int[tokens];
            for (int t = 0; t < tokens; t++) {
                System.arraycopy(seq.logits.get(t)[l], 0, logits, t * experts, experts);
                top1[t] = seq.top1.get(t)[l];
            }
            trace.put(TensorKind.ROUTER_LOGITS, modelLayers.get(l), logits);
            trace.putExperts(modelLayers.get(l), top1);
        }
        return trace;
    }
}

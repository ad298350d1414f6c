package org.pocketsim.workload.importer;

import org.pocketsim.workload.trace.TraceInfo;
import org.pocketsim.workload.trace.TraceShape;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Shape and provenance shared by the importers. */
final class ImportShapes {

    private ImportShapes() {
    }

    /** The trace shape: the spec's dimensions, with layers defaulting to the highest layer present + 1. */
    static TraceShape shape(ImportSpec spec, List<Integer> modelLayers, int experts, int topK) {
        int highest = modelLayers.get(modelLayers.size() - 1);
        int layers = spec.layers() > 0 ? spec.layers() : highest + 1;
        if (highest >= layers) throw new IllegalArgumentException("layer index " + highest + " is outside the model's " + layers + " layers");
        return new TraceShape(layers, spec.hidden(), spec.intermediate(), experts, topK);
    }

    /** Imported-trace info; {@code sequence} (may be null) is appended to origin and prompt to tell sequences apart. */
    static TraceInfo info(ImportSpec spec, TraceInfo.SourceKind kind, int tokens, List<Integer> layers, String sequence) {
        Map<String, String> p = new LinkedHashMap<>();
        String suffix = sequence == null ? "" : " (sequence " + sequence + ")";
        p.put("origin", spec.origin() + suffix);
        p.put("licence", spec.licence());
        if (spec.prompt() != null) p.put("prompt", spec.prompt() + suffix);
        if (spec.samplingMethod() != null) p.put("sampling.method", spec.samplingMethod());
        if (spec.temperature() != null) p.put("sampling.temperature", spec.temperature().toString());
        return new TraceInfo(spec.modelId(), kind, tokens, layers, p);
    }
}

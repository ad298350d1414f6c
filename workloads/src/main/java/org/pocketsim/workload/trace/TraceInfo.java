package org.pocketsim.workload.trace;

import java.util.List;
import java.util.Map;

/**
 * Shape and provenance of a trace, as stated in {@code trace.yaml} (see docs/trace-format.md).
 *
 * @param modelId     model preset id the trace was taken from (or a free id for models without preset)
 * @param sourceKind  captured, imported or synthetic
 * @param tokens      number of generated tokens
 * @param layers      model layer indices present in the trace, ascending
 * @param provenance  origin, licence, generator name/parameters/seed, prompt, sampling: key to text
 */
public record TraceInfo(String modelId, SourceKind sourceKind, int tokens, List<Integer> layers,
                        Map<String, String> provenance) {

    /** How a trace came to be. */
    public enum SourceKind { CAPTURED, IMPORTED, SYNTHETIC }

    public TraceInfo {
        if (modelId == null || modelId.isBlank()) throw new IllegalArgumentException("modelId is required");
        if (sourceKind == null) throw new IllegalArgumentException("sourceKind is required");
        if (tokens < 1) throw new IllegalArgumentException("tokens must be at least 1, got " + tokens);
        layers = List.copyOf(layers);
        provenance = Map.copyOf(provenance);
    }
}

package org.pocketsim.engine.result;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.pocketsim.workload.trace.TraceInfo;

import java.util.Map;
import java.util.TreeMap;

/**
 * Where a trace used by an experiment came from, as the report states it.
 *
 * @param label      how the experiment refers to the trace (file path, importer input, generator name)
 * @param modelId    model the trace was taken from
 * @param sourceKind captured, imported or synthetic (lower case)
 * @param tokens     generated tokens in the trace
 * @param details    origin, licence, generator parameters and seed, prompt, sampling: key to text
 */
@JsonPropertyOrder({"label", "modelId", "sourceKind", "tokens", "details"})
public record TraceProvenance(String label, String modelId, String sourceKind, int tokens,
                              Map<String, String> details) {

    private static final String OWNER = "TraceProvenance";

    public TraceProvenance {
        Checks.required(label, OWNER, "label");
        Checks.required(modelId, OWNER + "[" + label + "]", "modelId");
        Checks.required(sourceKind, OWNER + "[" + label + "]", "sourceKind");
        if (tokens < 1) throw new IllegalArgumentException(OWNER + "[" + label + "].tokens must be >= 1, got " + tokens);
        details = Checks.orderedMap(details, OWNER + "[" + label + "]", "details");
    }

    /** Provenance of a trace source, its details sorted by key so that reports are deterministic. */
    public static TraceProvenance of(String label, TraceInfo info) {
        return new TraceProvenance(label, info.modelId(), info.sourceKind().name().toLowerCase(java.util.Locale.ROOT),
                info.tokens(), new TreeMap<>(info.provenance()));
    }
}

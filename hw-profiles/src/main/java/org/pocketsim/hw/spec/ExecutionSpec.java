package org.pocketsim.hw.spec;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;
import java.util.TreeMap;
import org.pocketsim.hw.config.ConfigOptional;
import org.pocketsim.hw.config.Require;

/**
 * Which compute unit runs which kernel kind by default on this SoC (an experiment may override).
 * Kernel kind names are owned by the kernels module (e.g. {@code attention}, {@code mlp},
 * {@code lmHead}, {@code prefill}); a kind not listed runs on {@code default}.
 */
public record ExecutionSpec(
        @JsonProperty("default") Requester defaultUnit,
        @ConfigOptional Map<String, Requester> byKernelKind) {

    public ExecutionSpec {
        Require.notNull(defaultUnit, "default");
        Map<String, Requester> copy = new TreeMap<>();
        if (byKernelKind != null) {
            byKernelKind.forEach((kind, unit) -> copy.put(Require.notBlank(kind, "byKernelKind"), unit));
        }
        byKernelKind = java.util.Collections.unmodifiableMap(copy);
    }

    /** The unit that runs {@code kernelKind}. */
    public Requester unitFor(String kernelKind) {
        return byKernelKind.getOrDefault(kernelKind, defaultUnit);
    }
}

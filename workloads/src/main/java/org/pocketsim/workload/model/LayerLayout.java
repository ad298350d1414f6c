package org.pocketsim.workload.model;

import java.util.List;

/**
 * Which kind each decoder layer is: {@code pattern} repeats from layer 0, so
 * {@code [linear, linear, linear, full]} makes layers 3, 7, 11, ... full attention (Qwen3-Next's
 * {@code full_attention_interval: 4}). A pattern as long as the model lists every layer explicitly.
 * Its length must divide the layer count (checked by {@link ModelSpec}).
 *
 * @param pattern layer kinds, repeated over the model's layers
 */
public record LayerLayout(List<LayerKind> pattern) {

    public LayerLayout {
        Checks.required("layout.pattern", pattern);
        if (pattern.isEmpty()) throw new IllegalArgumentException("layout.pattern must not be empty");
        pattern = List.copyOf(pattern);
    }

    /** Kind of layer {@code layer}. */
    public LayerKind kindOf(int layer) {
        return pattern.get(layer % pattern.size());
    }

    /** Whether any layer of the pattern is {@code kind}. */
    public boolean has(LayerKind kind) {
        return pattern.contains(kind);
    }
}

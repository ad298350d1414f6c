package org.pocketsim.workload.model;

import java.util.EnumMap;
import java.util.Map;

/**
 * Memory footprint of a model in bytes per component, at one weight precision (applied to the
 * matrices; vectors, routers and gates stay at 16 bits) plus the KV cache and recurrent state
 * of one sequence.
 *
 * @param precision           weight precision the matrices are stored at
 * @param seqLen              tokens in the KV cache (capped at the sliding window when the model has one)
 * @param kvBits              bits per cached KV value, and per recurrent-state value (assumed: no preset
 *                            states a separate state precision)
 * @param weightBytes         bytes per component
 * @param kvCacheBytes        bytes of the KV cache over the full-attention layers
 * @param recurrentStateBytes bytes of the fixed recurrent state over the linear-attention layers
 */
public record Footprint(WeightPrecision precision, int seqLen, double kvBits, Map<Component, Long> weightBytes,
                        long kvCacheBytes, long recurrentStateBytes) {

    /** Bits of the weights that quantisers leave unquantised (norms, biases, routers). */
    public static final int VECTOR_BITS = 16;

    public Footprint {
        weightBytes = Map.copyOf(weightBytes);
    }

    static Footprint of(ModelSpec spec, WeightPrecision precision, int seqLen, double kvBits) {
        Checks.required("precision", precision);
        Checks.nonNegative("seqLen", seqLen);
        if (!(kvBits > 0)) throw new IllegalArgumentException("kvBits must be positive, got " + kvBits);
        ParameterCounts counts = spec.parameterCounts();
        Map<Component, Long> bytes = new EnumMap<>(Component.class);
        for (Component c : Component.values()) {
            bytes.put(c, precision.bytes(counts.matrixParams(c)) + counts.vectorParams(c) * VECTOR_BITS / 8);
        }
        int window = spec.attention().slidingWindow();
        long cachedTokens = window > 0 ? Math.min(seqLen, window) : seqLen;
        long kvValues = 0;
        long stateValues = 0;
        for (int l = 0; l < spec.layers(); l++) {
            LayerShapes shapes = spec.layerShapes(l);
            kvValues += shapes.kvValuesPerToken() * cachedTokens;
            stateValues += shapes.stateValues();
        }
        return new Footprint(precision, seqLen, kvBits, bytes, (long) Math.ceil(kvValues * kvBits / 8.0),
                (long) Math.ceil(stateValues * kvBits / 8.0));
    }

    /** Bytes of one component's weights. */
    public long bytes(Component c) {
        return weightBytes.get(c);
    }

    /** Bytes of all weights. */
    public long weightTotalBytes() {
        long sum = 0;
        for (long b : weightBytes.values()) sum += b;
        return sum;
    }

    /** Weights plus KV cache plus recurrent state. */
    public long totalBytes() {
        return weightTotalBytes() + kvCacheBytes + recurrentStateBytes;
    }
}

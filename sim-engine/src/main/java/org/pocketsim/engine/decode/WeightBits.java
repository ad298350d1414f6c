package org.pocketsim.engine.decode;

import org.pocketsim.kernel.format.FormatRegistry;

import java.util.Map;

/**
 * Bits per stored weight of a named format, scales included: the number formats of the
 * kernels module ({@code int4-g128}, {@code fp16}, {@code mxfp4} ...) and llama.cpp's block
 * types, whose sizes are fixed by their block layouts (ggml-common.h): e.g. {@code q4_0} stores
 * 32 weights in 18 bytes (16 bytes of nibbles + an fp16 scale) = 4.5 bits, {@code q4_k} 256
 * weights in 144 bytes = 4.5 bits, {@code q6_k} 256 in 210 bytes = 6.5625 bits.
 */
public final class WeightBits {

    /** llama.cpp block types: bytes per block over weights per block, times 8. */
    private static final Map<String, Double> GGML = Map.of(
            "q4_0", 18 * 8 / 32.0,
            "q4_1", 20 * 8 / 32.0,
            "q5_0", 22 * 8 / 32.0,
            "q5_1", 24 * 8 / 32.0,
            "q8_0", 34 * 8 / 32.0,
            "q2_k", 84 * 8 / 256.0,
            "q3_k", 110 * 8 / 256.0,
            "q4_k", 144 * 8 / 256.0,
            "q5_k", 176 * 8 / 256.0,
            "q6_k", 210 * 8 / 256.0);

    private WeightBits() {
    }

    /**
     * Bits per weight of format {@code name}.
     *
     * @throws IllegalArgumentException naming the format and the accepted forms when unknown
     */
    public static double of(String name) {
        Double ggml = GGML.get(name);
        if (ggml != null) return ggml;
        try {
            return FormatRegistry.get(name).bitsPerElement();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown weight format '" + name + "' (accepted: a number format such as "
                    + "int4-g128, int8, fp16, fp8-e4m3, mxfp4, nf4, or a llama.cpp type " + String.join(", ", new java.util.TreeSet<>(GGML.keySet()))
                    + ", or the mixes q4_k_m, q4_k_s)", e);
        }
    }
}

package org.pocketsim.engine.decode;

import org.pocketsim.kernel.format.FormatRegistry;

/**
 * Bits per stored weight of a named format, scales included, from the one format registry:
 * the number formats of the kernels module ({@code int4-g128}, {@code fp16}, {@code mxfp4} ...)
 * and llama.cpp's block types, whose sizes are fixed by their block layouts (see
 * {@link org.pocketsim.kernel.format.GgmlFormat}): e.g. {@code q4_0} stores 32 weights in 18
 * bytes = 4.5 bits, {@code q4_k} 256 weights in 144 bytes = 4.5 bits, {@code q6_k} 256 in 210
 * bytes = 6.5625 bits.
 */
public final class WeightBits {

    private WeightBits() {
    }

    /**
     * Bits per weight of format {@code name}.
     *
     * @throws IllegalArgumentException naming the format and the accepted forms when unknown
     */
    public static double of(String name) {
        try {
            return FormatRegistry.get(name).bitsPerElement();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown weight format '" + name + "' (accepted: a number format such as "
                    + "int4-g128, int8, fp16, fp8-e4m3, mxfp4, nf4, or a llama.cpp type "
                    + String.join(", ", org.pocketsim.kernel.format.GgmlFormat.NAMES)
                    + ", or the mixes q4_k_m, q4_k_s)", e);
        }
    }
}

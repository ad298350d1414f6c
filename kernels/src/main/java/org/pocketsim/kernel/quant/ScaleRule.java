package org.pocketsim.kernel.quant;

/**
 * Which scales a floating-point grid may take, i.e. how its exponent bias is set.
 *
 * <p>Scaling an ExMy grid by {@code s} is the same as shifting its exponent bias by
 * {@code -log2(s)}; the two rules below are the two readings of "set the FP format's maximum
 * by the range".
 */
public enum ScaleRule {
    /**
     * Any real scale: the grid's largest value equals the range exactly, i.e. a real-valued
     * bias {@code 2^e - log2(max) + log2(2 - 2^-m) - 1} (Kuzmin et al. 2022 and the
     * Qualcomm FP8-quantization code's {@code quantize_to_fp8_ste_MM}).
     */
    REAL,
    /**
     * Power-of-two scales only, i.e. an integer exponent bias as a hardware FP8 format has: the
     * smallest {@code 2^k} whose grid covers the range (with {@link RangeSetting#ABSMAX}) or
     * the MSE-best of {@code k0, k0 - 1, ..., k0 - 3} (with {@link RangeSetting#MSE}).
     */
    POWER_OF_TWO
}

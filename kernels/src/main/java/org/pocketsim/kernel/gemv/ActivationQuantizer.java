package org.pocketsim.kernel.gemv;

import org.pocketsim.kernel.format.FormatRegistry;
import org.pocketsim.kernel.format.IntFormat;
import org.pocketsim.kernel.format.ScalarFormat;

/**
 * Quantises an activation vector to the GEMV's activation format. Formats of 8 bits or fewer
 * get one dynamic per-tensor FP32 scale {@code absmax / maxFinite} (stored beside the vector,
 * 4 bytes); FP16/BF16/FP32 are rounded unscaled. Keeps the dequantised values (what the MAC
 * array sees) and, for integer formats, the integer levels. Owns its buffers; no allocation per call.
 */
final class ActivationQuantizer {

    private static final ScalarFormat FP16 = FormatRegistry.scalar("fp16");

    private final ScalarFormat format;
    private final boolean scaled;
    final float[] values;
    final int[] levels;
    float scale = 1f;

    ActivationQuantizer(ScalarFormat format, int capacity) {
        this.format = format;
        this.scaled = format.bits() <= 8;
        values = new float[capacity];
        levels = format instanceof IntFormat ? new int[capacity] : null;
    }

    boolean integer() {
        return levels != null;
    }

    void quantize(float[] x, int n) {
        double s = 1;
        if (scaled) {
            double absmax = 0;
            for (int i = 0; i < n; i++) absmax = Math.max(absmax, Math.abs(x[i]));
            s = absmax / format.maxFinite();
        }
        scale = (float) s;
        double inv = scale > 0 ? 1 / (double) scale : 0;
        for (int i = 0; i < n; i++) {
            double level = format.decode(format.encode(x[i] * inv));
            if (levels != null) levels[i] = (int) level;
            values[i] = (float) (level * scale);
        }
    }

    /** Bytes of an n-vector in this format: {@code ceil(n * bits / 8)}, plus 4 for the scale. */
    long bytes(long n) {
        return (n * format.bits() + 7) / 8 + (scaled ? 4 : 0);
    }

    /** {@code a + b} in the accumulator's precision. */
    static float add(Accumulator acc, float a, float b) {
        return acc == Accumulator.FP16 ? fp16(a + fp16(b)) : a + b;
    }

    /** Rounds to the nearest FP16 value (ties to even; overflow to infinity as IEEE FP16 does). */
    static float fp16(float v) {
        return (float) FP16.decode(FP16.encode(v));
    }
}

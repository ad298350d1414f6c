package org.pocketsim.kernel.format;

/**
 * OCP Microscaling (MX v1.0) block format: {@code k} elements share one E8M0 scale
 * {@code X = 2^(code - 127)} (no zero, no infinity, 0xFF = NaN).
 *
 * <p>Conversion follows the spec's reference algorithm: shared exponent =
 * {@code floor(log2(max|V_i|)) - emax_elem}, clamped to [-127, 127], where {@code emax_elem}
 * is the exponent of the element format's largest normal (E4M3 8, E5M2 15, E2M3 2, E3M2 4,
 * E2M1 2, INT8 0); each element is {@code V_i / X} rounded to nearest-even in the element
 * format and clamped to its largest magnitude. An all-zero block gets the smallest scale; a
 * block holding NaN or infinity gets the NaN scale and decodes to NaN throughout.
 *
 * <p>MXINT8 elements are two's complement INT8 with an implicit scale of {@code 2^-6}
 * (range [-2, 1 63/64]); the element format {@code null} selects it.
 */
public final class MxFormat implements BlockFormat {
    /** E8M0 NaN code. */
    public static final int SCALE_NAN = 0xFF;
    private static final int SCALE_BIAS = 127;
    private static final int BLOCK = 32;

    private final String name;
    private final FloatFormat element;
    private final int elementBits;
    private final int emaxElem;

    private MxFormat(String name, FloatFormat element) {
        this.name = name;
        this.element = element;
        this.elementBits = element == null ? 8 : element.bits();
        this.emaxElem = element == null ? 0 : element.maxExponent();
    }

    /** MX block with an ExMy element format (saturating conversion is enforced). */
    public static MxFormat ofFloat(String name, int exponentBits, int mantissaBits, Specials specials) {
        String elementName = name + "-element";
        return new MxFormat(name, FloatFormat.of(elementName, exponentBits, mantissaBits, specials, true));
    }

    /** MXINT8: INT8 elements with an implicit 2^-6 scale. */
    public static MxFormat int8(String name) {
        return new MxFormat(name, null);
    }

    @Override public String name() { return name; }
    @Override public int blockSize() { return BLOCK; }
    @Override public int metaWordsPerBlock() { return 1; }
    @Override public double bitsPerElement() { return elementBits + 8.0 / BLOCK; }

    /** The element format, or null for MXINT8. */
    public FloatFormat element() { return element; }

    /** Exponent of the element format's largest normal, as used by the scale rule. */
    public int emaxElem() { return emaxElem; }

    /** The E8M0 scale code the spec assigns to {@code src[off, off+len)}. */
    public int scaleCode(float[] src, int off, int len) {
        double max = 0;
        for (int i = off; i < off + len; i++) {
            float v = src[i];
            if (Float.isNaN(v) || Float.isInfinite(v)) {
                return SCALE_NAN;
            }
            max = Math.max(max, Math.abs(v));
        }
        if (max == 0) {
            return 0;
        }
        int shared = Math.getExponent(max) - emaxElem;
        return Math.max(-SCALE_BIAS, Math.min(SCALE_BIAS, shared)) + SCALE_BIAS;
    }

    /** Value of an E8M0 scale code: {@code 2^(code - 127)}, NaN for 0xFF. */
    public static double scaleValue(int code) {
        return code == SCALE_NAN ? Double.NaN : Math.scalb(1.0, code - SCALE_BIAS);
    }

    @Override
    public void encode(float[] src, int off, int len, int[] codes, int[] meta) {
        for (int block = 0, start = 0; start < len; block++, start += BLOCK) {
            int n = Math.min(BLOCK, len - start);
            int scale = scaleCode(src, off + start, n);
            meta[block] = scale;
            double inv = scale == SCALE_NAN ? 0 : Math.scalb(1.0, SCALE_BIAS - scale);
            for (int i = 0; i < n; i++) {
                double v = scale == SCALE_NAN ? 0 : src[off + start + i] * inv;
                codes[start + i] = element == null ? (int) Math.max(-128, Math.min(127, Math.rint(v * 64))) & 0xFF
                        : element.encode(v);
            }
        }
    }

    @Override
    public void decode(int[] codes, int[] meta, int len, float[] dst, int off) {
        for (int block = 0, start = 0; start < len; block++, start += BLOCK) {
            int n = Math.min(BLOCK, len - start);
            double scale = scaleValue(meta[block]);
            for (int i = 0; i < n; i++) {
                int c = codes[start + i];
                double v = element == null ? (byte) c / 64.0 : element.decode(c);
                dst[off + start + i] = (float) (v * scale);
            }
        }
    }

    @Override
    public String toString() {
        return name;
    }
}

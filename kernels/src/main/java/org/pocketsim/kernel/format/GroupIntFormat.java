package org.pocketsim.kernel.format;

/**
 * Integer weights in groups of {@code g} with one stored scale per group (GPTQ / AWQ /
 * llama.cpp style): symmetric ({@code scale = absmax / (2^(b-1) - 1)}) or asymmetric
 * ({@code scale = (max - min) / (2^b - 1)} and a {@code b}-bit zero point
 * {@code zp = rint(-min / scale)}, value = {@code (code - zp) * scale}).
 *
 * <p>The scale is rounded to its storage format (FP16 by default) before the elements are
 * coded, so decode reproduces encode exactly. Meta words per block: the scale's code, then
 * the zero point for asymmetric formats. Bits per element: {@code b + scaleBits/g}, plus
 * {@code b/g} for the zero point, e.g. INT4 with an FP16 scale per 128 is 4.125.
 */
public final class GroupIntFormat implements BlockFormat {
    private final String name;
    private final IntFormat element;
    private final int groupSize;
    private final FloatFormat scaleFormat;

    /**
     * @param element     the integer grid; its {@code symmetric} flag selects the scheme
     * @param groupSize   elements per scale, at least 1
     * @param scaleFormat storage format of the scale (e.g. FP16)
     */
    public GroupIntFormat(String name, IntFormat element, int groupSize, FloatFormat scaleFormat) {
        if (groupSize < 1) {
            throw new IllegalArgumentException(name + ": groupSize must be >= 1, got " + groupSize);
        }
        this.name = name;
        this.element = element;
        this.groupSize = groupSize;
        this.scaleFormat = scaleFormat;
    }

    @Override public String name() { return name; }
    @Override public int blockSize() { return groupSize; }
    @Override public int metaWordsPerBlock() { return element.symmetric() ? 1 : 2; }
    public IntFormat element() { return element; }
    public FloatFormat scaleFormat() { return scaleFormat; }

    @Override
    public double bitsPerElement() {
        double meta = scaleFormat.bits() + (element.symmetric() ? 0 : element.bits());
        return element.bits() + meta / groupSize;
    }

    @Override
    public void encode(float[] src, int off, int len, int[] codes, int[] meta) {
        int words = metaWordsPerBlock();
        for (int block = 0, start = 0; start < len; block++, start += groupSize) {
            int n = Math.min(groupSize, len - start);
            double lo = 0;
            double hi = 0;
            for (int i = off + start; i < off + start + n; i++) {
                lo = Math.min(lo, src[i]);
                hi = Math.max(hi, src[i]);
            }
            double raw = element.symmetric()
                    ? Math.max(hi, -lo) / element.maxLevel()
                    : (hi - lo) / element.maxLevel();
            int scaleCode = scaleFormat.encode(raw);
            double scale = scaleFormat.decode(scaleCode);
            double inv = scale > 0 ? 1.0 / scale : 0;
            int zp = element.symmetric() ? 0 : element.level(-lo * inv);
            meta[block * words] = scaleCode;
            if (!element.symmetric()) {
                meta[block * words + 1] = zp;
            }
            for (int i = 0; i < n; i++) {
                codes[start + i] = element.encode(src[off + start + i] * inv + zp);
            }
        }
    }

    @Override
    public void decode(int[] codes, int[] meta, int len, float[] dst, int off) {
        int words = metaWordsPerBlock();
        for (int block = 0, start = 0; start < len; block++, start += groupSize) {
            int n = Math.min(groupSize, len - start);
            double scale = scaleFormat.decode(meta[block * words]);
            int zp = element.symmetric() ? 0 : meta[block * words + 1];
            for (int i = 0; i < n; i++) {
                dst[off + start + i] = (float) ((element.decode(codes[start + i]) - zp) * scale);
            }
        }
    }

    @Override
    public String toString() {
        return name;
    }
}

package org.pocketsim.kernel.format;

/**
 * Ternary weights {-1, 0, +1} times a per-group scale (BitNet b1.58 "absmean" rule:
 * {@code scale = mean|x|}, code = {@code clamp(rint(x / scale), -1, 1)}). Codes are 2-bit
 * two's complement (0 = 0, 1 = +1, 3 = -1), the packing llama.cpp's TQ2_0 uses; the scale is
 * stored in a scale format, so bits per element = {@code 2 + scaleBits/g} (TQ2_0: 256 and an
 * FP16 scale = 2.0625).
 */
public final class TernaryFormat implements BlockFormat {
    private final String name;
    private final int groupSize;
    private final FloatFormat scaleFormat;

    public TernaryFormat(String name, int groupSize, FloatFormat scaleFormat) {
        if (groupSize < 1) {
            throw new IllegalArgumentException(name + ": groupSize must be >= 1, got " + groupSize);
        }
        this.name = name;
        this.groupSize = groupSize;
        this.scaleFormat = scaleFormat;
    }

    @Override public String name() { return name; }
    @Override public int blockSize() { return groupSize; }
    @Override public int metaWordsPerBlock() { return 1; }
    @Override public double bitsPerElement() { return 2 + scaleFormat.bits() / (double) groupSize; }

    @Override
    public void encode(float[] src, int off, int len, int[] codes, int[] meta) {
        for (int block = 0, start = 0; start < len; block++, start += groupSize) {
            int n = Math.min(groupSize, len - start);
            double sum = 0;
            for (int i = off + start; i < off + start + n; i++) {
                sum += Math.abs(src[i]);
            }
            int scaleCode = scaleFormat.encode(sum / n);
            double scale = scaleFormat.decode(scaleCode);
            double inv = scale > 0 ? 1.0 / scale : 0;
            meta[block] = scaleCode;
            for (int i = 0; i < n; i++) {
                double t = Math.max(-1, Math.min(1, Math.rint(src[off + start + i] * inv)));
                codes[start + i] = (int) t & 3;
            }
        }
    }

    @Override
    public void decode(int[] codes, int[] meta, int len, float[] dst, int off) {
        for (int block = 0, start = 0; start < len; block++, start += groupSize) {
            int n = Math.min(groupSize, len - start);
            double scale = scaleFormat.decode(meta[block]);
            for (int i = 0; i < n; i++) {
                int c = codes[start + i];
                dst[off + start + i] = (float) ((c == 3 ? -1 : c) * scale);
            }
        }
    }

    @Override
    public String toString() {
        return name;
    }
}

package org.pocketsim.kernel.format;

/**
 * Ternary weights {-1, 0, +1} times a per-group scale (BitNet b1.58 "absmean" rule:
 * {@code scale = mean|x|}, code = {@code clamp(rint(x / scale), -1, 1)}). Codes are 2-bit
 * two's complement (0 = 0, 1 = +1, 3 = -1), the packing llama.cpp's TQ2_0 uses; the scale is
 * stored in a scale format, so bits per element = {@code 2 + scaleBits/g} (TQ2_0: 256 and an
 * FP16 scale = 2.0625).
 *
 * <p>The 1.58-bit packing ({@code ternary-p5-g<G>}) stores five trits per byte as one base-3
 * number (3^5 = 243 <= 256), each group in {@code ceil(G/5)} bytes plus its scale: bits per element
 * = {@code (8 * ceil(G/5) + scaleBits) / G}. For G = 256 and an FP16 scale that is 54 bytes per
 * 256 weights = 1.6875 bits, the size of llama.cpp's TQ1_0 block (48 bytes of 5-trit bytes, 4
 * bytes holding the last 16 trits, FP16 d). The codes and numerics are the same as the 2-bit
 * packing; only the storage differs. log2(3) = 1.585 bits is the entropy bound.
 */
public final class TernaryFormat implements BlockFormat {
    private final String name;
    private final int groupSize;
    private final FloatFormat scaleFormat;
    private final boolean fiveTritsPerByte;

    /** The 2-bit packing (TQ2_0). */
    public TernaryFormat(String name, int groupSize, FloatFormat scaleFormat) {
        this(name, groupSize, scaleFormat, false);
    }

    /** @param fiveTritsPerByte base-3 packing, five codes per byte (TQ1_0-like), instead of 2 bits per code */
    public TernaryFormat(String name, int groupSize, FloatFormat scaleFormat, boolean fiveTritsPerByte) {
        if (groupSize < 1) {
            throw new IllegalArgumentException(name + ": groupSize must be >= 1, got " + groupSize);
        }
        this.name = name;
        this.groupSize = groupSize;
        this.scaleFormat = scaleFormat;
        this.fiveTritsPerByte = fiveTritsPerByte;
    }

    /** Whether codes are stored five per byte (base 3) rather than in 2 bits each. */
    public boolean fiveTritsPerByte() {
        return fiveTritsPerByte;
    }

    @Override public String name() { return name; }
    @Override public int blockSize() { return groupSize; }
    @Override public int metaWordsPerBlock() { return 1; }
    @Override public double bitsPerElement() {
        double codeBits = fiveTritsPerByte ? 8.0 * ((groupSize + 4) / 5) : 2.0 * groupSize;
        return (codeBits + scaleFormat.bits()) / groupSize;
    }

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

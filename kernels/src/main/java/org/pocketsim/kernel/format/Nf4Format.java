package org.pocketsim.kernel.format;

/**
 * NormalFloat4 (QLoRA, Dettmers et al. 2023): 16 levels that are quantiles of N(0, 1)
 * normalised to [-1, 1] with an exact zero, applied to each group of {@code g} elements
 * after dividing by the group's absmax, which is stored in a scale format (bitsandbytes
 * stores it in FP32 with groups of 64: 4.5 bits per element without double quantisation).
 * An element codes to the nearest level; a value exactly between two levels takes the lower.
 */
public final class Nf4Format implements BlockFormat {
    /** The bitsandbytes NF4 table ({@code create_normal_map(offset=0.9677083)}), ascending. */
    static final double[] LEVELS = {
        -1.0, -0.6961928009986877, -0.5250730514526367, -0.39491748809814453,
        -0.28444138169288635, -0.18477343022823334, -0.09105003625154495, 0.0,
        0.07958029955625534, 0.16093020141124725, 0.24611230194568634, 0.33791524171829224,
        0.44070982933044434, 0.5626170039176941, 0.7229568362236023, 1.0,
    };
    private static final double[] MIDPOINTS = new double[LEVELS.length - 1];

    static {
        for (int i = 0; i < MIDPOINTS.length; i++) {
            MIDPOINTS[i] = 0.5 * (LEVELS[i] + LEVELS[i + 1]);
        }
    }

    private final String name;
    private final int groupSize;
    private final FloatFormat scaleFormat;

    public Nf4Format(String name, int groupSize, FloatFormat scaleFormat) {
        if (groupSize < 1) {
            throw new IllegalArgumentException(name + ": groupSize must be >= 1, got " + groupSize);
        }
        this.name = name;
        this.groupSize = groupSize;
        this.scaleFormat = scaleFormat;
    }

    /** Level of code {@code c} in [0, 15]. */
    public static double level(int c) {
        return LEVELS[c];
    }

    @Override public String name() { return name; }
    @Override public int blockSize() { return groupSize; }
    @Override public int metaWordsPerBlock() { return 1; }
    /** Storage format of the per-group absmax. */
    public FloatFormat scaleFormat() { return scaleFormat; }
    @Override public double bitsPerElement() { return 4 + scaleFormat.bits() / (double) groupSize; }

    /** Code of the level nearest to {@code v} (already divided by the absmax). */
    static int nearest(double v) {
        int lo = 0;
        int hi = MIDPOINTS.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (v > MIDPOINTS[mid]) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    @Override
    public void encode(float[] src, int off, int len, int[] codes, int[] meta) {
        for (int block = 0, start = 0; start < len; block++, start += groupSize) {
            int n = Math.min(groupSize, len - start);
            double absmax = 0;
            for (int i = off + start; i < off + start + n; i++) {
                absmax = Math.max(absmax, Math.abs(src[i]));
            }
            int scaleCode = scaleFormat.encode(absmax);
            double scale = scaleFormat.decode(scaleCode);
            double inv = scale > 0 ? 1.0 / scale : 0;
            meta[block] = scaleCode;
            for (int i = 0; i < n; i++) {
                codes[start + i] = nearest(src[off + start + i] * inv);
            }
        }
    }

    @Override
    public void decode(int[] codes, int[] meta, int len, float[] dst, int off) {
        for (int block = 0, start = 0; start < len; block++, start += groupSize) {
            int n = Math.min(groupSize, len - start);
            double scale = scaleFormat.decode(meta[block]);
            for (int i = 0; i < n; i++) {
                dst[off + start + i] = (float) (LEVELS[codes[start + i]] * scale);
            }
        }
    }

    @Override
    public String toString() {
        return name;
    }
}

package org.pocketsim.workload.synth;

/**
 * Streaming histogram of |x| with log-spaced bins taken straight from the float bit pattern
 * (exponent plus the top 8 mantissa bits: 256 bins per octave, each 0.27% wide), so quantiles
 * of a whole layer over many tokens come out within 0.3% without keeping the values. Used on
 * generated and real traces alike.
 */
public final class MagnitudeHistogram {

    private static final int SHIFT = 15;
    private final long[] counts = new long[1 << 16];
    private long[] below;
    private long total;

    /** Adds |v| of every value of {@code row}. NaN and infinities are errors. */
    public void add(float[] row) {
        for (float v : row) {
            if (!Float.isFinite(v)) throw new IllegalArgumentException("non-finite activation " + v);
            counts[(Float.floatToRawIntBits(v) & 0x7FFFFFFF) >>> SHIFT]++;
        }
        total += row.length;
        below = null;
    }

    public long count() {
        return total;
    }

    /** The magnitude below which a share {@code p} of the values falls, interpolated within its bin. */
    public double quantile(double p) {
        if (total == 0) throw new IllegalStateException("empty histogram");
        if (!(p > 0 && p < 1)) throw new IllegalArgumentException("p must be in (0, 1), got " + p);
        double rank = p * total;
        long cum = 0;
        for (int i = 0; i < counts.length; i++) {
            long c = counts[i];
            if (c > 0 && cum + c >= rank) {
                double lo = Float.intBitsToFloat(i << SHIFT);
                double hi = Float.intBitsToFloat((i + 1) << SHIFT);
                return lo + (hi - lo) * (rank - cum) / c;
            }
            cum += c;
        }
        return Float.intBitsToFloat((counts.length - 1) << SHIFT);
    }

    /** Share of the values with magnitude below {@code v} (the sparsity a threshold of v gives), interpolated within its bin. */
    public double shareBelow(double v) {
        if (total == 0) throw new IllegalStateException("empty histogram");
        if (below == null) {
            below = new long[counts.length];
            long cum = 0;
            for (int i = 0; i < counts.length; i++) {
                below[i] = cum;
                cum += counts[i];
            }
        }
        int bin = (Float.floatToRawIntBits((float) Math.abs(v)) & 0x7FFFFFFF) >>> SHIFT;
        double lo = Float.intBitsToFloat(bin << SHIFT);
        double hi = Float.intBitsToFloat((bin + 1) << SHIFT);
        double frac = Math.min(1, Math.max(0, (Math.abs(v) - lo) / (hi - lo)));
        return (below[bin] + frac * counts[bin]) / total;
    }

    /**
     * Quantiles at each of {@code probs}, made strictly increasing and positive (ties from
     * coarse fp16 data or exact zeros are nudged up by one part in a million) so they can
     * serve as generator targets.
     */
    public MagnitudeQuantiles quantiles(double[] probs) {
        double[] v = new double[probs.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = quantile(probs[i]);
            double floor = i == 0 ? Float.MIN_NORMAL : v[i - 1] * (1 + 1e-6);
            if (v[i] < floor) v[i] = floor;
        }
        return new MagnitudeQuantiles(probs, v);
    }
}

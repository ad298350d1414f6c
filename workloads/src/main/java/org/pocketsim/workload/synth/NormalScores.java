package org.pocketsim.workload.synth;

import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * Standard-normal helpers. {@link #TABLE} holds the 4,096 normal scores
 * Φ⁻¹((i + 0.5) / 4096), so 12 uniform random bits give a standard-normal draw (a discrete
 * approximation with |z| ≤ 3.7) at the cost of one load from a 16 KiB table that stays in L1:
 * the hot loops take four draws from the low 12 bits of each 16-bit field of a 64-bit random word.
 */
final class NormalScores {

    private static final double[] A = {-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02,
            1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00};
    private static final double[] B = {-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
            6.680131188771972e+01, -1.328068155288572e+01};
    private static final double[] C = {-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
            -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00};
    private static final double[] D = {7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00,
            3.754408661907416e+00};

    static final int BITS = 12;
    static final int MASK = (1 << BITS) - 1;
    static final float[] TABLE = new float[1 << BITS];
    private static final NormalDistribution STD = new NormalDistribution(null, 0, 1);

    static {
        for (int i = 0; i < TABLE.length; i++) TABLE[i] = (float) inverseCdf((i + 0.5) / TABLE.length);
    }

    private NormalScores() {
    }

    /**
     * Φ⁻¹(p) for p in (0, 1): Acklam's rational approximation (relative error below 1.2e-9),
     * fast enough to give every channel of a wide layer its own score at construction.
     */
    static double inverseCdf(double p) {
        if (!(p > 0 && p < 1)) throw new IllegalArgumentException("p must be in (0, 1), got " + p);
        if (p < 0.02425) {
            double q = Math.sqrt(-2 * Math.log(p));
            return (((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5])
                    / ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1);
        }
        if (p > 1 - 0.02425) return -inverseCdf(1 - p);
        double q = p - 0.5;
        double r = q * q;
        return (((((A[0] * r + A[1]) * r + A[2]) * r + A[3]) * r + A[4]) * r + A[5]) * q
                / (((((B[0] * r + B[1]) * r + B[2]) * r + B[3]) * r + B[4]) * r + 1);
    }

    /** Φ(z). */
    static double cdf(double z) {
        return STD.cumulativeProbability(z);
    }

    /** A standard-normal draw from the low {@link #BITS} random bits. */
    static float fromBits(long bits) {
        return TABLE[(int) (bits & MASK)];
    }

    /**
     * {@code n} stratified standard-normal values (Φ⁻¹((i + 0.5) / n)) in a random order: their
     * empirical distribution is normal by construction, so per-channel or per-expert scales
     * carry no sampling noise from their own draw.
     */
    static double[] shuffledScores(int n, SplitMix64 rng) {
        double[] out = new double[n];
        for (int i = 0; i < n; i++) out[i] = inverseCdf((i + 0.5) / n);
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            double t = out[i];
            out[i] = out[j];
            out[j] = t;
        }
        return out;
    }
}

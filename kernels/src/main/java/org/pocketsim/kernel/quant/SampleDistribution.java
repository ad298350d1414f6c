package org.pocketsim.kernel.quant;

import java.util.SplittableRandom;

/**
 * The whitepaper's Fig. 5 test distributions, sampled from a seeded {@link SplittableRandom}
 * with explicit transforms (Box-Muller), so samples are identical across JDKs.
 */
public enum SampleDistribution {
    /** Uniform on [-1, 1). */
    UNIFORM,
    /** Standard normal. */
    NORMAL,
    /** Student's t with 3 degrees of freedom: {@code Z / sqrt(chi2_3 / 3)}. */
    STUDENT_T3;

    /** {@code n} samples for {@code seed}. */
    public float[] sample(int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            out[i] = (float) draw(rng);
        }
        return out;
    }

    private double draw(SplittableRandom rng) {
        return switch (this) {
            case UNIFORM -> 2 * rng.nextDouble() - 1;
            case NORMAL -> gaussian(rng);
            case STUDENT_T3 -> {
                double z = gaussian(rng);
                double a = gaussian(rng);
                double b = gaussian(rng);
                double c = gaussian(rng);
                yield z / Math.sqrt((a * a + b * b + c * c) / 3);
            }
        };
    }

    private static double gaussian(SplittableRandom rng) {
        double u = 1.0 - rng.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng.nextDouble());
    }
}

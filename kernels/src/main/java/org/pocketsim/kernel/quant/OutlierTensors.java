package org.pocketsim.kernel.quant;

import java.util.SplittableRandom;

/**
 * Seeded LLM-like activation tensors: {@code tokens x channels} standard-normal values in which
 * a fixed set of channels (the same for every token) is scaled by {@code outlierGain}.
 *
 * <p>It mimics the systematic outlier feature dimensions that Dettmers et al. report for
 * transformers of 6.7B parameters and more (LLM.int8(), arXiv 2208.07339: a few feature
 * dimensions carry large-magnitude values in most tokens; their mixed-precision decomposition
 * keeps them in 16 bit while "more than 99.9% of values are multiplied in 8-bit"). The defaults
 * are assumed, not fitted: {@link #DEFAULT_OUTLIER_FRACTION} of the channels (4 of a 4096-wide
 * hidden state, well under the 0.1% of values the quote bounds) and a gain of
 * {@link #DEFAULT_OUTLIER_GAIN} sigma (an outlier channel's values then reach about 60-80 sigma,
 * against the 6.0 magnitude threshold LLM.int8() uses to call a value an outlier on hidden
 * states of unit scale). The two small real models of {@code data/traces/real} show no such
 * channels (largest channel absmax under 9x the median channel's), which is why the generator
 * is needed beside them.
 *
 * @param tokens           rows
 * @param channels         columns
 * @param outlierFraction  share of channels that are outliers, in [0, 1)
 * @param outlierGain      their scale relative to the other channels
 * @param seed             random seed
 */
public record OutlierTensors(int tokens, int channels, double outlierFraction, double outlierGain, long seed) {
    /** Assumed default share of outlier channels (see the class comment). */
    public static final double DEFAULT_OUTLIER_FRACTION = 1.0 / 1024;
    /** Assumed default outlier gain (see the class comment). */
    public static final double DEFAULT_OUTLIER_GAIN = 20;

    public OutlierTensors {
        if (tokens < 1 || channels < 1) {
            throw new IllegalArgumentException("outlier tensors: tokens and channels must be >= 1");
        }
        if (!(outlierFraction >= 0 && outlierFraction < 1) || !(outlierGain >= 1)) {
            throw new IllegalArgumentException("outlier tensors: fraction must be in [0, 1) and gain >= 1, got "
                    + outlierFraction + ", " + outlierGain);
        }
    }

    /** The defaults at {@code tokens x 4096}. */
    public static OutlierTensors llmLike(int tokens, long seed) {
        return new OutlierTensors(tokens, 4096, DEFAULT_OUTLIER_FRACTION, DEFAULT_OUTLIER_GAIN, seed);
    }

    /** Number of outlier channels, {@code round(fraction * channels)}. */
    public int outlierChannels() {
        return (int) Math.round(outlierFraction * channels);
    }

    /** The tensor, row-major. Outlier channels are the first {@link #outlierChannels()} of a seeded permutation. */
    public float[] generate() {
        SplittableRandom rng = new SplittableRandom(seed);
        int[] perm = new int[channels];
        for (int i = 0; i < channels; i++) {
            perm[i] = i;
        }
        for (int i = channels - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = perm[i];
            perm[i] = perm[j];
            perm[j] = t;
        }
        double[] gain = new double[channels];
        java.util.Arrays.fill(gain, 1.0);
        for (int i = 0; i < outlierChannels(); i++) {
            gain[perm[i]] = outlierGain;
        }
        float[] out = new float[tokens * channels];
        for (int i = 0; i < out.length; i++) {
            double u = 1.0 - rng.nextDouble();
            double z = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng.nextDouble());
            out[i] = (float) (z * gain[i % channels]);
        }
        return out;
    }
}

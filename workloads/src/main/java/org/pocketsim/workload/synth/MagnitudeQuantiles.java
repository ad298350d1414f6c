package org.pocketsim.workload.synth;

/**
 * Target distribution of |x| for one layer and tensor, given as quantiles: {@code values[i]}
 * is the magnitude below which a share {@code probs[i]} of the activations falls (the TEAL
 * threshold at sparsity {@code probs[i]}).
 *
 * @param probs  strictly increasing probabilities in (0, 1)
 * @param values strictly increasing positive magnitudes
 */
public record MagnitudeQuantiles(double[] probs, double[] values) {

    public MagnitudeQuantiles {
        if (probs == null || values == null || probs.length != values.length || probs.length < 2) {
            throw new IllegalArgumentException("quantiles need at least two (prob, value) pairs of equal length");
        }
        probs = probs.clone();
        values = values.clone();
        for (int i = 0; i < probs.length; i++) {
            if (!(probs[i] > 0 && probs[i] < 1)) throw new IllegalArgumentException("quantile prob must be in (0, 1), got " + probs[i]);
            if (!(values[i] > 0) || !Double.isFinite(values[i])) throw new IllegalArgumentException("quantile value must be positive, got " + values[i]);
            if (i > 0 && !(probs[i] > probs[i - 1] && values[i] > values[i - 1])) {
                throw new IllegalArgumentException("quantiles must increase strictly, at index " + i);
            }
        }
    }

    @Override
    public double[] probs() {
        return probs.clone();
    }

    @Override
    public double[] values() {
        return values.clone();
    }

    public int size() {
        return probs.length;
    }

    public double prob(int i) {
        return probs[i];
    }

    public double value(int i) {
        return values[i];
    }

    /** Every value multiplied by {@code factor}. */
    public MagnitudeQuantiles scaled(double factor) {
        double[] v = values.clone();
        for (int i = 0; i < v.length; i++) v[i] *= factor;
        return new MagnitudeQuantiles(probs, v);
    }

    /** Geometric interpolation {@code a^(1-f) · b^f} of two quantile sets over the same probabilities. */
    public static MagnitudeQuantiles geometricMix(MagnitudeQuantiles a, MagnitudeQuantiles b, double f) {
        if (!java.util.Arrays.equals(a.probs, b.probs)) throw new IllegalArgumentException("quantile probabilities differ");
        double[] v = new double[a.size()];
        for (int i = 0; i < v.length; i++) v[i] = Math.exp((1 - f) * Math.log(a.values[i]) + f * Math.log(b.values[i]));
        return new MagnitudeQuantiles(a.probs, v);
    }

    /**
     * The magnitude at latent normal score {@code u} (probability Φ(u)): linear in probability
     * from 0 up to the first quantile, log-linear in u between quantiles, and beyond the last
     * one the last segment's log-slope extended.
     */
    public double magnitudeAt(double u) {
        return magnitudeAt(u, normalScores());
    }

    /** Φ⁻¹ of each probability, to pass to {@link #magnitudeAt(double, double[])} in loops. */
    double[] normalScores() {
        double[] z = new double[probs.length];
        for (int i = 0; i < z.length; i++) z[i] = NormalScores.inverseCdf(probs[i]);
        return z;
    }

    double magnitudeAt(double u, double[] z) {
        int n = probs.length;
        if (u <= z[0]) return values[0] * NormalScores.cdf(u) / probs[0];
        int seg = n - 2;
        for (int i = 1; i < n; i++) {
            if (u <= z[i]) {
                seg = i - 1;
                break;
            }
        }
        double slope = (Math.log(values[seg + 1]) - Math.log(values[seg])) / (z[seg + 1] - z[seg]);
        return Math.exp(Math.log(values[seg]) + slope * (u - z[seg]));
    }
}

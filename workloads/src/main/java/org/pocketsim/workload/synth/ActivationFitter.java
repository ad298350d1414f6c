package org.pocketsim.workload.synth;

import org.pocketsim.workload.model.ModelSpec;
import org.pocketsim.workload.trace.TensorKind;
import org.pocketsim.workload.trace.TraceSource;

import java.util.function.Supplier;

/**
 * Calibrates the activation generator to a captured trace: the |x| quantiles of every layer
 * and tensor it carries become the targets, and the channel persistence c and temporal
 * persistence ρ are estimated from the normal scores u = Φ⁻¹(F(|x|)) of its values (F: the
 * layer's empirical distribution), the generator's own latent variable. Pooled over channels:
 * ρ is the lag-1 autocorrelation of u around each channel's mean (with Kendall's small-sample
 * correction (1 + 3ρ)/T), and c = 1 − W / (V (1 − k)), where W is the within-channel variance,
 * V the total variance and k the variance of the mean of T unit AR(1) values. Reads the trace
 * twice (quantiles first, then scores), token by token.
 */
public final class ActivationFitter {

    private static final TensorKind[] KINDS = {TensorKind.MLP_IN, TensorKind.DOWN_IN};

    /** Fitted targets and persistences. */
    public record Fit(ActivationTargets targets, double channelPersistence, double temporalPersistence) {
    }

    private ActivationFitter() {
    }

    /**
     * Fits to the trace {@code open} returns (called twice). Layers the trace lacks take the
     * quantiles of the nearest layer it carries, of the same tensor.
     */
    public static Fit fit(Supplier<TraceSource> open, ModelSpec spec, String origin) {
        int layers = spec.layers();
        MagnitudeHistogram[][] hist = new MagnitudeHistogram[layers][2];
        int tokens;
        try (TraceSource t = open.get()) {
            tokens = t.info().tokens();
            float[][][] rows = rows(t, spec, hist);
            for (int tok = 0; tok < tokens; tok++) {
                for (int l = 0; l < layers; l++) {
                    for (int k = 0; k < 2; k++) {
                        if (hist[l][k] == null) continue;
                        t.readRow(KINDS[k], l, tok, rows[l][k]);
                        hist[l][k].add(rows[l][k]);
                    }
                }
            }
        }
        if (tokens < 4) throw new IllegalArgumentException(origin + ": at least 4 tokens are needed to estimate persistence, got " + tokens);
        Moments m = new Moments();
        try (TraceSource t = open.get()) {
            float[][][] rows = rows(t, spec, new MagnitudeHistogram[layers][2]);
            double[][][][] acc = new double[layers][2][][];
            for (int l = 0; l < layers; l++) {
                for (int k = 0; k < 2; k++) if (hist[l][k] != null) acc[l][k] = new double[5][rows[l][k].length];
            }
            for (int tok = 0; tok < tokens; tok++) {
                for (int l = 0; l < layers; l++) {
                    for (int k = 0; k < 2; k++) {
                        if (acc[l][k] == null) continue;
                        t.readRow(KINDS[k], l, tok, rows[l][k]);
                        accumulate(acc[l][k], rows[l][k], hist[l][k], tok, tokens);
                    }
                }
            }
            for (double[][][] perLayer : acc) for (double[][] a : perLayer) if (a != null) m.add(a, tokens);
        }
        double rhoRaw = m.lagCov / m.within;
        double rho = clamp(rhoRaw + (1 + 3 * rhoRaw) / tokens, 0, 0.99);
        double k = meanVariance(rho, tokens);
        double c = clamp(1 - m.within / (m.total() * (1 - k)), 0, 0.99);
        return new Fit(targets(hist, origin), c, rho);
    }

    private static float[][][] rows(TraceSource t, ModelSpec spec, MagnitudeHistogram[][] hist) {
        float[][][] rows = new float[spec.layers()][2][];
        boolean any = false;
        for (int l = 0; l < spec.layers(); l++) {
            for (int k = 0; k < 2; k++) {
                if (!t.has(KINDS[k], l)) continue;
                rows[l][k] = new float[k == 0 ? spec.mlpInputWidth() : spec.downInputWidth(l)];
                hist[l][k] = new MagnitudeHistogram();
                any = true;
            }
        }
        if (!any) throw new IllegalArgumentException("trace has no mlp_in or down_in tensors to calibrate activations to");
        return rows;
    }

    /** Per channel: sum, sum of squares, sum of u_t·u_{t+1}, first u, previous u. */
    private static void accumulate(double[][] a, float[] row, MagnitudeHistogram h, int tok, int tokens) {
        double lo = 0.5 / h.count();
        for (int j = 0; j < row.length; j++) {
            double u = NormalScores.inverseCdf(clamp(h.shareBelow(row[j]), lo, 1 - lo));
            a[0][j] += u;
            a[1][j] += u * u;
            if (tok == 0) a[3][j] = u;
            else a[2][j] += a[4][j] * u;
            a[4][j] = u;
        }
    }

    /** Variance of the mean of T consecutive values of a stationary unit-variance AR(1) with coefficient ρ. */
    static double meanVariance(double rho, int t) {
        double s = 1;
        double p = 1;
        for (int h = 1; h < t; h++) {
            p *= rho;
            s += 2 * (1 - (double) h / t) * p;
        }
        return s / t;
    }

    private static ActivationTargets targets(MagnitudeHistogram[][] hist, String origin) {
        return new ActivationTargets() {
            @Override
            public MagnitudeQuantiles quantiles(int layer, TensorKind kind) {
                int k = kind == TensorKind.MLP_IN ? 0 : 1;
                for (int d = 0; d < hist.length; d++) {
                    if (layer - d >= 0 && hist[layer - d][k] != null) return hist[layer - d][k].quantiles(TealThresholds.PROBS);
                    if (layer + d < hist.length && hist[layer + d][k] != null) return hist[layer + d][k].quantiles(TealThresholds.PROBS);
                }
                throw new IllegalArgumentException(origin + ": no " + kind.suffix() + " in any layer");
            }

            @Override
            public String origin() {
                return "quantiles of " + origin;
            }
        };
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    /** Pooled within-channel variance, lag-1 autocovariance and between-channel variance. */
    private static final class Moments {
        double within;
        double lagCov;
        double between;
        private double n;

        void add(double[][] a, int t) {
            int width = a[0].length;
            double sumMeans = 0;
            double sumMeansSq = 0;
            double w = 0;
            double lag = 0;
            for (int j = 0; j < width; j++) {
                double mean = a[0][j] / t;
                w += a[1][j] / t - mean * mean;
                double sideSums = (a[0][j] - a[4][j]) + (a[0][j] - a[3][j]);
                lag += (a[2][j] - mean * sideSums + (t - 1) * mean * mean) / t;
                sumMeans += mean;
                sumMeansSq += mean * mean;
            }
            double grand = sumMeans / width;
            merge(w / width, lag / width, sumMeansSq / width - grand * grand, width);
        }

        private void merge(double w, double lag, double b, int width) {
            double total = n + width;
            within = (within * n + w * width) / total;
            lagCov = (lagCov * n + lag * width) / total;
            between = (between * n + b * width) / total;
            n = total;
        }

        double total() {
            return within + between;
        }
    }
}

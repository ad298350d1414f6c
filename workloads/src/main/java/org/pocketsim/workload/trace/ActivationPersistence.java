package org.pocketsim.workload.trace;

import java.util.Arrays;
import java.util.List;

/**
 * How persistent one activation tensor's large channels are, with the definitions of
 * {@code tools/trace-capture/stats.py} (which wrote {@code data/traces/real/stats/activation-stats.csv}),
 * so real and generated traces are measured alike:
 * <ul>
 *   <li>top-k overlap: per consecutive token pair |topk(|x_t|) ∩ topk(|x_t−1|)| / k, averaged over
 *       pairs, for k = round(f · width), f in {@link #TOP_FRACTIONS} (random masks give f);</li>
 *   <li>persistent share: share of channels in the top round(10%) by |x| for more than half the tokens;</li>
 *   <li>AR(1) of |x|: per channel, the Pearson correlation of |x_t| and |x_t+1| over t (channels
 *       whose |x| never varies are left out).</li>
 * </ul>
 * Top-k ties go to lower channel indices (stats.py's argpartition breaks them arbitrarily; on
 * fp16 traces that moves an overlap by at most a few 1e-4, see docs/realdata.md). Several traces
 * of one tensor pool as stats.py pools them: overlaps and persistent shares averaged over traces,
 * the AR(1) median taken over the channels of all traces together.
 */
public final class ActivationPersistence {

    /** Kept fractions at which consecutive top-k sets are compared. */
    public static final double[] TOP_FRACTIONS = {0.10, 0.25, 0.50};
    /** Top fraction a channel must be in, for more than half the tokens, to count as persistently large. */
    public static final double PERSISTENT_TOP_FRACTION = 0.10;

    /**
     * Statistics of one tensor of one trace.
     *
     * @param overlap         top-k overlap at each of {@link #TOP_FRACTIONS}
     * @param persistentShare share of persistently large channels
     * @param ar1PerChannel   lag-1 autocorrelation of |x| of every channel that varies
     */
    public record Single(double[] overlap, double persistentShare, double[] ar1PerChannel) {
    }

    /** Statistics of one layer's tensor pooled over traces. */
    public record Pooled(int layer, TensorKind kind, int width, int traces, double[] overlap, double persistentShare,
                         double ar1AbsMedian) {
    }

    private ActivationPersistence() {
    }

    /** k for kept fraction {@code f} of {@code width} channels: round half to even, as Python's round, at least 1. */
    public static int keep(double f, int width) {
        return Math.max(1, (int) Math.rint(f * width));
    }

    /** Measures tensor {@code kind} of layer {@code layer} over all tokens of {@code src} (at least 2). */
    public static Single of(TraceSource src, TensorKind kind, int layer, int width) {
        int tokens = src.info().tokens();
        if (tokens < 2) throw new IllegalArgumentException("persistence needs at least 2 tokens, got " + tokens);
        float[] abs = new float[tokens * width];
        float[] row = new float[width];
        for (int t = 0; t < tokens; t++) {
            src.readRow(kind, layer, t, row);
            for (int j = 0; j < width; j++) abs[t * width + j] = Math.abs(row[j]);
        }
        double[] overlap = new double[TOP_FRACTIONS.length];
        for (int i = 0; i < TOP_FRACTIONS.length; i++) overlap[i] = overlap(abs, tokens, width, keep(TOP_FRACTIONS[i], width), null);
        int[] inTop = new int[width];
        overlap(abs, tokens, width, keep(PERSISTENT_TOP_FRACTION, width), inTop);
        int persistent = 0;
        for (int c : inTop) {
            if (c * 2 > tokens) persistent++;
        }
        return new Single(overlap, (double) persistent / width, ar1(abs, tokens, width));
    }

    /** Pools the statistics of one layer's tensor over several traces. */
    public static Pooled pool(int layer, TensorKind kind, int width, List<Single> traces) {
        if (traces.isEmpty()) throw new IllegalArgumentException("no traces to pool for " + kind.tensorName(layer));
        double[] overlap = new double[TOP_FRACTIONS.length];
        double persistent = 0;
        int channels = 0;
        for (Single s : traces) {
            for (int i = 0; i < overlap.length; i++) overlap[i] += s.overlap()[i] / traces.size();
            persistent += s.persistentShare() / traces.size();
            channels += s.ar1PerChannel().length;
        }
        double[] all = new double[channels];
        int at = 0;
        for (Single s : traces) {
            System.arraycopy(s.ar1PerChannel(), 0, all, at, s.ar1PerChannel().length);
            at += s.ar1PerChannel().length;
        }
        return new Pooled(layer, kind, width, traces.size(), overlap, persistent, median(all));
    }

    /** Mean consecutive top-k overlap; counts per channel the tokens it is in the top k when {@code inTop} is given. */
    private static double overlap(float[] abs, int tokens, int width, int k, int[] inTop) {
        float[] rowAbs = new float[width];
        float[] scratch = new float[width];
        boolean[] prev = new boolean[width];
        boolean[] cur = new boolean[width];
        double sum = 0;
        for (int t = 0; t < tokens; t++) {
            System.arraycopy(abs, t * width, rowAbs, 0, width);
            MagnitudeSelect.topK(rowAbs, k, scratch, cur);
            int both = 0;
            for (int j = 0; j < width; j++) {
                if (cur[j] && prev[j]) both++;
                if (inTop != null && cur[j]) inTop[j]++;
            }
            if (t > 0) sum += (double) both / k;
            boolean[] swap = prev;
            prev = cur;
            cur = swap;
        }
        return sum / (tokens - 1);
    }

    /** Per channel, Pearson correlation of |x| at tokens 0..T−2 and 1..T−1, each centred on its own mean. */
    private static double[] ar1(float[] abs, int tokens, int width) {
        double[] out = new double[width];
        int kept = 0;
        int n = tokens - 1;
        for (int j = 0; j < width; j++) {
            double mx = 0;
            double my = 0;
            for (int t = 0; t < n; t++) {
                mx += abs[t * width + j];
                my += abs[(t + 1) * width + j];
            }
            mx /= n;
            my /= n;
            double sxy = 0;
            double sxx = 0;
            double syy = 0;
            for (int t = 0; t < n; t++) {
                double x = abs[t * width + j] - mx;
                double y = abs[(t + 1) * width + j] - my;
                sxy += x * y;
                sxx += x * x;
                syy += y * y;
            }
            double den = Math.sqrt(sxx * syy);
            if (den > 0) out[kept++] = sxy / den;
        }
        return Arrays.copyOf(out, kept);
    }

    /** Median, the mean of the two middle values for an even count (as numpy.median). */
    static double median(double[] v) {
        if (v.length == 0) return Double.NaN;
        double[] s = v.clone();
        Arrays.sort(s);
        int m = s.length / 2;
        return s.length % 2 == 1 ? s[m] : (s[m - 1] + s[m]) / 2;
    }
}

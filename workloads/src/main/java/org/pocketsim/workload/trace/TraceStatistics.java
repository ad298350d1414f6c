package org.pocketsim.workload.trace;

import java.util.ArrayList;
import java.util.List;

/**
 * Per-layer statistics of a trace, computed in one streaming pass over its tokens: what
 * {@code pocketsim trace inspect} prints and what synthetic generators are calibrated against.
 */
public final class TraceStatistics {

    /** Share of channels whose magnitude mass {@link ActivationStats#top1PercentShare} measures. */
    public static final double TOP_FRACTION = 0.01;
    /** DIP density at which consecutive-token top-k sets are compared. */
    public static final double DIP_DENSITY = 0.5;

    /**
     * @param meanAbs           mean |x| over tokens and channels
     * @param top1PercentShare  per token, the share of sum |x| held by the ceil(1%) largest channels; averaged over tokens
     * @param dipOverlapAtHalf  per consecutive token pair, |S_t ∩ S_t-1| / k with S the top-k |x| at k = width/2; averaged
     */
    public record ActivationStats(int layer, TensorKind kind, double meanAbs, double top1PercentShare, double dipOverlapAtHalf) {
    }

    /**
     * @param reuseDistance1   per consecutive token pair, the share of top-k experts also chosen one token earlier; averaged
     * @param topExpertShare   selections of the most-chosen expert over all selections (tokens x top-k)
     */
    public record RoutingStats(int layer, double reuseDistance1, double topExpertShare) {
    }

    private final List<ActivationStats> activations;
    private final List<RoutingStats> routing;

    private TraceStatistics(List<ActivationStats> activations, List<RoutingStats> routing) {
        this.activations = List.copyOf(activations);
        this.routing = List.copyOf(routing);
    }

    public List<ActivationStats> activations() {
        return activations;
    }

    public List<RoutingStats> routing() {
        return routing;
    }

    /** Computes statistics of every activation and expert tensor of {@code source}, whose widths are {@code shape}'s. */
    public static TraceStatistics of(TraceSource source, TraceShape shape) {
        List<ActivationStats> acts = new ArrayList<>();
        List<RoutingStats> routes = new ArrayList<>();
        int tokens = source.info().tokens();
        for (int layer : source.info().layers()) {
            for (TensorKind kind : List.of(TensorKind.MLP_IN, TensorKind.DOWN_IN)) {
                if (source.has(kind, layer)) acts.add(activation(source, kind, layer, shape.widthOf(kind), tokens));
            }
            if (source.has(TensorKind.EXPERTS, layer)) routes.add(routing(source, layer, shape.topK(), shape.experts(), tokens));
        }
        return new TraceStatistics(acts, routes);
    }

    private static ActivationStats activation(TraceSource src, TensorKind kind, int layer, int width, int tokens) {
        float[] row = new float[width];
        float[] scratch = new float[width];
        boolean[] prev = new boolean[width];
        boolean[] cur = new boolean[width];
        int top = (int) Math.ceil(width * TOP_FRACTION);
        int k = Math.max(1, (int) (width * DIP_DENSITY));
        double absSum = 0;
        double shareSum = 0;
        int shareTokens = 0;
        double overlapSum = 0;
        for (int t = 0; t < tokens; t++) {
            src.readRow(kind, layer, t, row);
            double rowAbs = 0;
            for (float v : row) rowAbs += Math.abs(v);
            absSum += rowAbs;
            if (rowAbs > 0) {
                System.arraycopy(row, 0, scratch, 0, width);
                for (int i = 0; i < width; i++) scratch[i] = Math.abs(scratch[i]);
                float thr = MagnitudeSelect.kthLargest(scratch, width, top);
                shareSum += topSum(row, top, thr) / rowAbs;
                shareTokens++;
            }
            MagnitudeSelect.topK(row, k, scratch, cur);
            if (t > 0) {
                int both = 0;
                for (int i = 0; i < width; i++) {
                    if (cur[i] && prev[i]) both++;
                }
                overlapSum += (double) both / k;
            }
            boolean[] swap = prev;
            prev = cur;
            cur = swap;
        }
        return new ActivationStats(layer, kind, absSum / ((double) tokens * width),
                shareTokens == 0 ? 0 : shareSum / shareTokens, tokens < 2 ? Double.NaN : overlapSum / (tokens - 1));
    }

    private static double topSum(float[] row, int m, float threshold) {
        double sum = 0;
        int above = 0;
        for (float v : row) {
            float a = Math.abs(v);
            if (a > threshold) {
                sum += a;
                above++;
            }
        }
        return sum + (double) (m - above) * threshold;
    }

    private static RoutingStats routing(TraceSource src, int layer, int topK, int experts, int tokens) {
        int[] ids = new int[topK];
        boolean[] prev = new boolean[experts];
        boolean[] cur = new boolean[experts];
        long[] counts = new long[experts];
        double reuseSum = 0;
        for (int t = 0; t < tokens; t++) {
            src.readExperts(layer, t, ids);
            java.util.Arrays.fill(cur, false);
            int reused = 0;
            for (int id : ids) {
                cur[id] = true;
                counts[id]++;
                if (prev[id]) reused++;
            }
            if (t > 0) reuseSum += (double) reused / topK;
            boolean[] swap = prev;
            prev = cur;
            cur = swap;
        }
        long max = 0;
        for (long c : counts) max = Math.max(max, c);
        return new RoutingStats(layer, tokens < 2 ? Double.NaN : reuseSum / (tokens - 1), (double) max / ((double) tokens * topK));
    }
}

package org.pocketsim.kernel.routing;

import org.pocketsim.kernel.cache.CacheView;

/**
 * Cumulative-probability-threshold routing (papers.md §2.2): like Max-Rank, but the rank window
 * is set per token as the fewest best-ranked experts whose softmax probabilities sum to at least
 * {@code p} (never fewer than k). The top-J are always kept; cached experts in the window fill
 * the rest, then rank order.
 */
public final class CumulativeWindowRouter implements Router {

    private final RoutingCore core;
    private final int keepTopJ;
    private final double threshold;
    private final int[] ranked;
    private int lastWindow;

    /**
     * @param keepTopJ  original top experts always kept, in [0, k]
     * @param threshold cumulative probability p of the window, in (0, 1]
     */
    public CumulativeWindowRouter(int experts, int k, int keepTopJ, double threshold, boolean renormalise) {
        core = new RoutingCore(experts, k, renormalise);
        if (keepTopJ < 0 || keepTopJ > k) throw new IllegalArgumentException("keepTopJ must be in [0, k = " + k + "], got " + keepTopJ);
        if (!(threshold > 0 && threshold <= 1)) throw new IllegalArgumentException("threshold p must be in (0, 1], got " + threshold);
        this.keepTopJ = keepTopJ;
        this.threshold = threshold;
        ranked = new int[experts];
    }

    @Override
    public void route(float[] logits, int[] modelExperts, CacheView cache, RoutingDecision out) {
        core.requireHolder(out);
        core.softmax(logits, name());
        if (cache == null) throw new IllegalArgumentException("cumulative-window router needs the layer's expert CacheView, got null");
        core.plainTopK(logits);
        core.clearTaken();
        double cumulative = 0;
        int window = 0;
        while (window < core.experts && (window < core.k || cumulative < threshold)) {
            int e = core.takeBest(logits);
            ranked[window++] = e;
            cumulative += core.prob[e];
        }
        lastWindow = window;
        RankWindow.fill(core, ranked, window, keepTopJ, cache);
        core.finish(logits, cache, out);
    }

    /** Window size M used for the last token routed. */
    public int lastWindow() { return lastWindow; }

    @Override
    public boolean needsLogits() { return true; }

    @Override
    public int k() { return core.k; }

    @Override
    public String name() { return "cumulative-window"; }
}

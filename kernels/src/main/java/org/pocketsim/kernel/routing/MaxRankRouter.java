package org.pocketsim.kernel.routing;

import org.pocketsim.kernel.cache.CacheView;

/**
 * Max-Rank routing (papers.md §2.2): always keep the original top-J experts; fill the other
 * {@code k - J} slots with cached experts ranked within the top-M (best rank first), falling
 * back to rank order when fewer are cached. Ranks are by original logit, ties to the lower id;
 * mixing weights come from the original logits over the chosen set.
 */
public final class MaxRankRouter implements Router {

    private final RoutingCore core;
    private final int keepTopJ;
    private final int maxRank;
    private final int[] ranked;

    /**
     * @param keepTopJ original top experts always kept, in [0, k]
     * @param maxRank  M, the rank window searched for cached experts, in [k, experts]
     */
    public MaxRankRouter(int experts, int k, int keepTopJ, int maxRank, boolean renormalise) {
        core = new RoutingCore(experts, k, renormalise);
        if (keepTopJ < 0 || keepTopJ > k) throw new IllegalArgumentException("keepTopJ must be in [0, k = " + k + "], got " + keepTopJ);
        if (maxRank < k || maxRank > experts) {
            throw new IllegalArgumentException("maxRank M must be in [k = " + k + ", experts = " + experts + "], got " + maxRank);
        }
        this.keepTopJ = keepTopJ;
        this.maxRank = maxRank;
        ranked = new int[maxRank];
    }

    @Override
    public void route(float[] logits, int[] modelExperts, CacheView cache, RoutingDecision out) {
        core.requireHolder(out);
        core.softmax(logits, name());
        if (cache == null) throw new IllegalArgumentException("max-rank router needs the layer's expert CacheView, got null");
        core.plainTopK(logits);
        core.topByLogit(logits, maxRank, ranked);
        RankWindow.fill(core, ranked, maxRank, keepTopJ, cache);
        core.finish(logits, cache, out);
    }

    @Override
    public boolean needsLogits() { return true; }

    @Override
    public int k() { return core.k; }

    @Override
    public String name() { return "max-rank"; }
}

package org.pocketsim.kernel.routing;

import org.pocketsim.kernel.cache.CacheView;

/**
 * Cache-Prior routing (papers.md §2.2): selection on {@code z' = z + lambda * Delta_avg * m},
 * where {@code m_i = 1} for experts resident in the cache, and {@code Delta_avg} is this layer's
 * running mean of {@code max(z) - min(z)}, updated online with the current token before use (so
 * the first token uses its own spread). The top-J experts by the original logits are always
 * kept; the other {@code k - J} are the best of the rest by {@code z'} (ties to the lower id).
 * Mixing weights come from the original logits over the chosen set (renormalised if configured).
 * {@code lambda = 0} is plain top-k.
 */
public final class CachePriorRouter implements Router {

    private final RoutingCore core;
    private final double lambda;
    private final int keepTopJ;
    private final double[] biased;
    private double deltaAvg;
    private long tokens;

    /**
     * @param lambda    prior strength in [0, 1]
     * @param keepTopJ  original top experts always kept, in [0, k]
     */
    public CachePriorRouter(int experts, int k, double lambda, int keepTopJ, boolean renormalise) {
        core = new RoutingCore(experts, k, renormalise);
        if (!(lambda >= 0 && lambda <= 1)) throw new IllegalArgumentException("lambda must be in [0, 1], got " + lambda);
        if (keepTopJ < 0 || keepTopJ > k) throw new IllegalArgumentException("keepTopJ must be in [0, k = " + k + "], got " + keepTopJ);
        this.lambda = lambda;
        this.keepTopJ = keepTopJ;
        biased = new double[experts];
    }

    @Override
    public void route(float[] logits, int[] modelExperts, CacheView cache, RoutingDecision out) {
        core.requireHolder(out);
        core.softmax(logits, name());
        if (cache == null) throw new IllegalArgumentException("cache-prior router needs the layer's expert CacheView, got null");
        float max = Float.NEGATIVE_INFINITY;
        float min = Float.POSITIVE_INFINITY;
        for (float z : logits) {
            if (z > max) max = z;
            if (z < min) min = z;
        }
        tokens++;
        deltaAvg += ((double) max - min - deltaAvg) / tokens;
        double bonus = lambda * deltaAvg;
        for (int i = 0; i < core.experts; i++) biased[i] = logits[i] + (cache.isResident(i) ? bonus : 0.0);

        core.plainTopK(logits);
        core.clearTaken();
        for (int j = 0; j < keepTopJ; j++) {
            core.chosen[j] = core.plainTop[j];
            core.take(core.plainTop[j]);
        }
        core.topByKeyNotTaken(biased, core.k - keepTopJ, core.chosen, keepTopJ);
        core.finish(logits, cache, out);
    }

    /** Running mean of {@code max(z) - min(z)} over the tokens routed so far. */
    public double deltaAvg() { return deltaAvg; }

    @Override
    public boolean needsLogits() { return true; }

    @Override
    public int k() { return core.k; }

    @Override
    public String name() { return "cache-prior"; }
}

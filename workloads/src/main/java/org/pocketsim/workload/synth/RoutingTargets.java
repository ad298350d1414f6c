package org.pocketsim.workload.synth;

/**
 * Routing statistics a synthetic MoE trace should show when no routing trace of the model
 * exists (definitions as in {@link RoutingStats}), over a window of {@code window} tokens.
 *
 * @param reuseD1        share of a token's experts also chosen by the previous token
 * @param reuseD4        same at distance 4
 * @param topExpertShare selections of the most used expert / all selections
 * @param fracCover80    fraction of experts holding 80% of selections
 * @param window         tokens the statistics are measured over
 */
public record RoutingTargets(double reuseD1, double reuseD4, double topExpertShare, double fracCover80, int window) {

    /** Layer means of the real OLMoE-1B-7B-0924 trace (data/third-party/moe/olmoe-routing-stats-per-layer.csv). */
    static final double OLMOE_D1 = 0.4352;
    static final double OLMOE_D4 = 0.3112;
    static final double OLMOE_TOP = 0.0862;
    static final double OLMOE_COVER80 = 0.5098;
    static final int OLMOE_EXPERTS = 64;
    static final int OLMOE_TOP_K = 8;

    public RoutingTargets {
        if (!(reuseD1 >= 0 && reuseD1 <= 1)) throw new IllegalArgumentException("reuseD1 must be in [0, 1], got " + reuseD1);
        if (!(reuseD4 >= 0 && reuseD4 <= 1)) throw new IllegalArgumentException("reuseD4 must be in [0, 1], got " + reuseD4);
        if (!(topExpertShare > 0 && topExpertShare <= 1)) throw new IllegalArgumentException("topExpertShare must be in (0, 1], got " + topExpertShare);
        if (!(fracCover80 > 0 && fracCover80 <= 1)) throw new IllegalArgumentException("fracCover80 must be in (0, 1], got " + fracCover80);
        if (window < 16) throw new IllegalArgumentException("window must be at least 16 tokens, got " + window);
    }

    /**
     * Assumed targets for a model with {@code experts} experts and top-{@code topK} routing, carried
     * over from the OLMoE layer means: the same selection probability of the most used expert
     * (top share x k), the same reuse in excess of chance (k/E), the same 80% coverage fraction.
     */
    public static RoutingTargets assumedFromOlmoe(int experts, int topK, int window) {
        double chanceOlmoe = (double) OLMOE_TOP_K / OLMOE_EXPERTS;
        double chance = (double) topK / experts;
        double e1 = (OLMOE_D1 - chanceOlmoe) / (1 - chanceOlmoe);
        double e4 = (OLMOE_D4 - chanceOlmoe) / (1 - chanceOlmoe);
        double top = Math.min(1.0 / topK, Math.max(1.0 / experts + 1e-6, OLMOE_TOP * OLMOE_TOP_K / topK));
        return new RoutingTargets(chance + (1 - chance) * e1, chance + (1 - chance) * e4, top, OLMOE_COVER80, window);
    }

    /** As {@link RoutingStats} with the unknown statistics set to NaN, for the fitter. */
    RoutingStats asStats() {
        return new RoutingStats(window, reuseD1, Double.NaN, reuseD4, Double.NaN, topExpertShare, Double.NaN, fracCover80, Double.NaN);
    }
}

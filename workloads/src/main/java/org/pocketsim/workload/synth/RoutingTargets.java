package org.pocketsim.workload.synth;

/**
 * Routing statistics a synthetic MoE trace should show in every layer, when given as parameters
 * (definitions as in {@link RoutingStats}), over a window of {@code window} tokens. Without them a
 * synthetic trace is fitted layer by layer to a real trace's {@link RoutingDepthProfile}.
 *
 * @param reuseD1        share of a token's experts also chosen by the previous token
 * @param reuseD4        same at distance 4
 * @param topExpertShare selections of the most used expert / all selections
 * @param fracCover80    fraction of experts holding 80% of selections
 * @param window         tokens the statistics are measured over
 */
public record RoutingTargets(double reuseD1, double reuseD4, double topExpertShare, double fracCover80, int window) {

    public RoutingTargets {
        if (!(reuseD1 >= 0 && reuseD1 <= 1)) throw new IllegalArgumentException("reuseD1 must be in [0, 1], got " + reuseD1);
        if (!(reuseD4 >= 0 && reuseD4 <= 1)) throw new IllegalArgumentException("reuseD4 must be in [0, 1], got " + reuseD4);
        if (!(topExpertShare > 0 && topExpertShare <= 1)) throw new IllegalArgumentException("topExpertShare must be in (0, 1], got " + topExpertShare);
        if (!(fracCover80 > 0 && fracCover80 <= 1)) throw new IllegalArgumentException("fracCover80 must be in (0, 1], got " + fracCover80);
        if (window < 16) throw new IllegalArgumentException("window must be at least 16 tokens, got " + window);
    }

    /** As {@link RoutingStats} with the unknown statistics set to NaN, for the fitter. */
    RoutingStats asStats() {
        return new RoutingStats(window, reuseD1, Double.NaN, reuseD4, Double.NaN, topExpertShare, Double.NaN, fracCover80, Double.NaN);
    }
}

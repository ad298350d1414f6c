package org.pocketsim.kernel.sparsity;

/**
 * Parameters of cache-aware masking (DIP-CA), after {@code cache_aware_reweighting_current_cache}
 * in Qualcomm's dynamic-sparsity code (papers.md §1.4).
 *
 * @param gamma          weight of non-resident columns, in [0, 1]; smaller pushes harder towards the cache
 * @param fixedTopShare  share of k whose top raw scores are never de-weighted: the reference's
 *                       {@code fixed_top_n = floor(fixedTopShare * k)} (its unit tests use k/2, i.e. 0.5)
 * @param warmUp         use {@code gamma_t = 1 - (1 - gamma) * (1 - gamma^(t/4))} at token t
 * @param alphaBlend     use {@code s' = gamma * s + (1 - gamma) * c} (c = 1 if resident) instead of {@code s' = s * w}
 */
public record CacheAwareSpec(double gamma, double fixedTopShare, boolean warmUp, boolean alphaBlend) {

    public CacheAwareSpec {
        if (!(gamma >= 0 && gamma <= 1)) throw new IllegalArgumentException("gamma must be in [0, 1], got " + gamma);
        if (!(fixedTopShare >= 0 && fixedTopShare <= 1)) {
            throw new IllegalArgumentException("fixedTopShare must be in [0, 1], got " + fixedTopShare);
        }
    }

    /** Plain de-weighting by {@code gamma}, nothing exempt, no warm-up. */
    public static CacheAwareSpec of(double gamma) {
        return new CacheAwareSpec(gamma, 0, false, false);
    }

    /** Gamma in effect at 0-based token {@code t}: the warm-up schedule if enabled, else gamma. */
    public double gammaAt(int t) {
        if (!warmUp) return gamma;
        return 1 - (1 - gamma) * (1 - Math.pow(gamma, t / 4.0));
    }
}

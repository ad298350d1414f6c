package org.pocketsim.kernel.routing;

import org.pocketsim.hw.config.ConfigOptional;

/** {@code router: {kind: cache-prior, lambda: 0.2, keepTopJ: 1}} (see {@link CachePriorRouter}). */
public record CachePriorSpec(Double lambda, @ConfigOptional Integer keepTopJ, @ConfigOptional Boolean renormalise)
        implements RouterSpec {

    public CachePriorSpec {
        lambda = RouterSpec.share("lambda", lambda);
        keepTopJ = RouterSpec.keepTopJ(keepTopJ);
        renormalise = RouterSpec.renormalise(renormalise);
    }

    @Override
    public Router create(int experts, int k) {
        return new CachePriorRouter(experts, k, lambda, keepTopJ, renormalise);
    }

    @Override
    public boolean cacheConditional() {
        return true;
    }
}

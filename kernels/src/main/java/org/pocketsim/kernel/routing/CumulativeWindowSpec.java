package org.pocketsim.kernel.routing;

import org.pocketsim.hw.config.ConfigOptional;

/** {@code router: {kind: cumulative-window, threshold: 0.9}} (see {@link CumulativeWindowRouter}). */
public record CumulativeWindowSpec(Double threshold, @ConfigOptional Integer keepTopJ, @ConfigOptional Boolean renormalise)
        implements RouterSpec {

    public CumulativeWindowSpec {
        threshold = RouterSpec.share("threshold", threshold);
        keepTopJ = RouterSpec.keepTopJ(keepTopJ);
        renormalise = RouterSpec.renormalise(renormalise);
    }

    @Override
    public Router create(int experts, int k) {
        return new CumulativeWindowRouter(experts, k, keepTopJ, threshold, renormalise);
    }

    @Override
    public boolean cacheConditional() {
        return true;
    }
}

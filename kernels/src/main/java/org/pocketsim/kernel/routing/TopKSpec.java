package org.pocketsim.kernel.routing;

import org.pocketsim.hw.config.ConfigOptional;

/** {@code router: top-k}: the model's own top-k (see {@link TopKRouter}). */
public record TopKSpec(@ConfigOptional Boolean renormalise) implements RouterSpec {

    public TopKSpec {
        renormalise = RouterSpec.renormalise(renormalise);
    }

    @Override
    public Router create(int experts, int k) {
        return new TopKRouter(experts, k, renormalise);
    }

    @Override
    public boolean cacheConditional() {
        return false;
    }
}

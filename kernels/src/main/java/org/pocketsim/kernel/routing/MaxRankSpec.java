package org.pocketsim.kernel.routing;

import org.pocketsim.hw.config.ConfigOptional;
import org.pocketsim.hw.config.FieldException;

/** {@code router: {kind: max-rank, maxRank: 8, keepTopJ: 1}} (see {@link MaxRankRouter}). */
public record MaxRankSpec(Integer maxRank, @ConfigOptional Integer keepTopJ, @ConfigOptional Boolean renormalise)
        implements RouterSpec {

    public MaxRankSpec {
        if (maxRank == null) throw new FieldException("maxRank", "is required");
        if (maxRank < 1) throw new FieldException("maxRank", "must be at least 1, got " + maxRank);
        keepTopJ = RouterSpec.keepTopJ(keepTopJ);
        renormalise = RouterSpec.renormalise(renormalise);
    }

    @Override
    public Router create(int experts, int k) {
        return new MaxRankRouter(experts, k, keepTopJ, maxRank, renormalise);
    }

    @Override
    public boolean cacheConditional() {
        return true;
    }
}

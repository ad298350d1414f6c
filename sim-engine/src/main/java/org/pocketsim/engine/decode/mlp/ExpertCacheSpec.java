package org.pocketsim.engine.decode.mlp;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import org.pocketsim.engine.decode.TraceSpec;
import org.pocketsim.hw.config.ConfigOptional;
import org.pocketsim.hw.config.FieldException;
import org.pocketsim.hw.config.KindShorthand;
import org.pocketsim.kernel.routing.RouterSpec;
import org.pocketsim.kernel.routing.TopKSpec;

/**
 * MoE with an expert cache (papers.md §2.2): routed experts live on flash and a DRAM cache per
 * MoE layer holds some of them (see {@link ExpertCacheMethod}).
 *
 * @param router        the router: {@code top-k} (default) or a typed node such as
 *                      {@code {kind: cache-prior, lambda: 0.2, keepTopJ: 1}}
 * @param cache         eviction policy from the eviction registry (default lru); belady only with top-k
 * @param cachedExperts experts cached per MoE layer (default: what the DRAM left after static
 *                      layers and KV holds); an explicit size must fit in that DRAM
 * @param trace         the trace whose router logits or expert ids drive the routing
 * @param prefetch      experts per MoE layer read ahead from flash while the previous layer computes,
 *                      predicted by cross-layer co-activation ({@link NextLayerPrefetcher}); default 0
 * @param mixedBits     per-expert bit widths: hot experts pinned at the run's format, the rest
 *                      narrower in the cache ({@link MixedBitsSpec}); default none
 */
public record ExpertCacheSpec(@ConfigOptional @JsonDeserialize(using = KindShorthand.class) RouterSpec router,
                              @ConfigOptional String cache, @ConfigOptional Integer cachedExperts, TraceSpec trace,
                              @ConfigOptional Integer prefetch, @ConfigOptional MixedBitsSpec mixedBits)
        implements MlpSpec {

    public ExpertCacheSpec {
        if (router == null) router = new TopKSpec(false);
        cache = MlpSpec.policy("cache", cache, "lru");
        if (cachedExperts != null && cachedExperts < 0) throw new FieldException("cachedExperts", "must be >= 0, got " + cachedExperts);
        if ("belady".equals(cache) && router.cacheConditional()) {
            throw new FieldException("cache", "belady needs the future choices in advance, which a cache-conditional router makes depend on the cache");
        }
        if (trace == null) throw new FieldException("trace", "is required: a trace directory or a synthetic generator");
        if (prefetch == null) prefetch = 0;
        if (prefetch < 0) throw new FieldException("prefetch", "must be >= 0 experts, got " + prefetch);
        if (prefetch > 0 && "belady".equals(cache)) {
            throw new FieldException("prefetch", "belady needs the future accesses in advance, and prefetched experts depend on the cache");
        }
        if (mixedBits != null && "belady".equals(cache)) {
            throw new FieldException("mixedBits", "is not supported with belady (the oracle would see the pinned hot experts)");
        }
    }

    @Override
    public MlpMethod bind(MlpContext context) {
        return new ExpertCacheMethod(this, context);
    }
}

package org.pocketsim.kernel.routing;

import org.pocketsim.kernel.cache.CacheView;

/**
 * The model's own routing: the k experts with the largest logits (ties to the lower id), mixing
 * weights {@code softmax(z)} over all experts taken at the chosen ones, renormalised to sum to 1
 * when the model does so ({@code renormalise}: Mixtral and Phi-3.5-MoE yes; OLMoE and
 * Qwen1.5-MoE use {@code norm_topk_prob = false}, i.e. no).
 *
 * <p>On an expert-id-only trace (no logits) it passes the model's chosen ids through, with
 * unknown (NaN) weights and NaN mass proxies: it is the one router that needs no logits.
 */
public final class TopKRouter implements Router {

    private final RoutingCore core;

    public TopKRouter(int experts, int k, boolean renormalise) {
        core = new RoutingCore(experts, k, renormalise);
    }

    @Override
    public void route(float[] logits, int[] modelExperts, CacheView cache, RoutingDecision out) {
        core.requireHolder(out);
        if (logits == null) {
            passThrough(modelExperts, cache, out);
            return;
        }
        core.softmax(logits, name());
        core.plainTopK(logits);
        System.arraycopy(core.plainTop, 0, core.chosen, 0, core.k);
        core.finish(logits, cache, out);
    }

    private void passThrough(int[] modelExperts, CacheView cache, RoutingDecision out) {
        if (modelExperts == null || modelExperts.length != core.k) {
            throw new IllegalArgumentException("top-k router needs router logits or the model's " + core.k + " expert ids");
        }
        int hits = 0;
        for (int j = 0; j < core.k; j++) {
            int e = modelExperts[j];
            if (e < 0 || e >= core.experts) throw new IllegalArgumentException("expert id " + e + " outside [0, " + core.experts + ")");
            out.experts[j] = e;
            out.weights[j] = Float.NaN;
            if (cache != null && cache.isResident(e)) hits++;
        }
        out.count = core.k;
        out.weightsKnown = false;
        out.massKept = Double.NaN;
        out.topKMass = Double.NaN;
        out.changed = 0;
        out.cacheHits = cache == null ? -1 : hits;
    }

    @Override
    public boolean needsLogits() { return false; }

    @Override
    public int k() { return core.k; }

    @Override
    public String name() { return "top-k"; }
}

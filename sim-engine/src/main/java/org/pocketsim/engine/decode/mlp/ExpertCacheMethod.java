package org.pocketsim.engine.decode.mlp;

import org.pocketsim.engine.decode.Component;
import org.pocketsim.engine.decode.DecodeLowering;
import org.pocketsim.engine.decode.LayerHits;
import org.pocketsim.engine.decode.TraceOpener;
import org.pocketsim.engine.decode.WorkGroup;
import org.pocketsim.engine.memory.WeightCache;
import org.pocketsim.engine.memory.eviction.BeladyPolicy;
import org.pocketsim.engine.memory.eviction.EvictionPolicies;
import org.pocketsim.engine.memory.eviction.EvictionPolicy;
import org.pocketsim.engine.memory.eviction.FutureAccesses;
import org.pocketsim.engine.result.Metrics;
import org.pocketsim.engine.result.PointResult;
import org.pocketsim.hw.config.FieldException;
import org.pocketsim.kernel.routing.Router;
import org.pocketsim.kernel.routing.RoutingDecision;
import org.pocketsim.workload.model.ModelSpec;
import org.pocketsim.workload.trace.TensorKind;
import org.pocketsim.workload.trace.TraceSource;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The expert caches of an MoE run ({@link ExpertCacheSpec}): one per MoE layer, holding whole
 * routed experts. Per token and MoE layer the router picks experts from the trace's router
 * logits (or replays the model's chosen ids when the trace has no logits and the router is plain
 * top-k); chosen experts in the cache are read from DRAM, the others from flash (each expert one
 * sequential read), then the choice enters the cache. Each MoE layer is one {@link WorkGroup};
 * dense layers of the model read their MLP from DRAM every token. Model layers the trace lacks
 * use the nearest traced MoE layer. Nothing is allocated per token.
 *
 * <p>Cache semantics (pinned against a brute-force cache on the real OLMoE trace by
 * {@code ExpertCacheExactnessTest}): each layer's cache starts empty and compulsory misses count;
 * at each token all chosen experts are looked up first (hits are the experts resident before the
 * token), then the policy is told of the hits and the misses are inserted; a victim is never one
 * of the current token's experts; within a token experts are processed in ascending id, so ties
 * (LRU: same last use; LFU: same count, then least recently used; Belady: same next use, or never
 * used again) evict the lowest expert id (see {@link WeightCache#step}). The miss rate is misses over all chosen
 * experts; the expert lifetime is {@link ExpertLifetimes}. With {@code prefetch}, after layer i routes
 * a token the {@link NextLayerPrefetcher} reads its predicted experts for layer i + 1 from flash
 * into that layer's cache (one cache step, so they count as recently used) and the reads are
 * charged to layer i's work group, where they overlap layer i's compute and DRAM reads.
 */
final class ExpertCacheMethod implements MlpMethod {

    private final ExpertCacheSpec spec;
    private final DecodeLowering lowering;
    private final TraceOpener opener;
    private final int[] moeLayers;
    private final int[] traceLayer;
    private final boolean[] useLogits;
    private final Router[] routers;
    private final int experts;
    private final long expertBytes;
    /** Bytes of an expert outside the hot set: expertBytes, or the narrower mixedBits format's. */
    private final long coldBytes;
    private final int hotPerLayer;
    private int coldCapacity;
    private final long expertMacs;
    private final float[] logits;
    private final int[] modelIds;
    private final RoutingDecision decision;
    private final LayerHits layerHits;
    private int capacity;
    private TraceSource trace;
    private ExpertLayerCache[] caches;
    private EvictionPolicy[] policies;
    private ExpertLifetimes lifetimes;
    private NextLayerPrefetcher prefetcher;
    private int tokensRun;
    private double massKeptSum;
    private long massKeptCount;
    private long changed;

    ExpertCacheMethod(ExpertCacheSpec spec, MlpContext context) {
        ModelSpec model = context.model();
        if (!model.isMoe()) throw new FieldException("kind", "expert-cache needs an MoE model; " + model.id() + " is dense");
        this.spec = spec;
        this.lowering = context.lowering();
        this.experts = model.moe().experts();
        int k = model.moe().topK();
        this.moeLayers = java.util.stream.IntStream.range(0, model.layers()).filter(model::isMoeLayer).toArray();
        int first = moeLayers[0];
        var shapes = model.layerShapes(first).moe().expert();
        this.expertBytes = DecodeLowering.bytes(shapes.params(), context.plan().bits(first, "up", shapes.up().cols()));
        this.expertMacs = shapes.params();
        if (spec.mixedBits() != null) {
            double bits;
            try {
                bits = org.pocketsim.engine.decode.WeightBits.of(spec.mixedBits().coldWeights());
            } catch (IllegalArgumentException e) {
                throw new FieldException("mixedBits.coldWeights", e.getMessage());
            }
            this.coldBytes = DecodeLowering.bytes(shapes.params(), bits);
            this.hotPerLayer = spec.mixedBits().hot();
        } else {
            this.coldBytes = expertBytes;
            this.hotPerLayer = 0;
        }
        this.opener = context.traces().opener(spec.trace(), model, context.generate(), false);
        traceLayer = new int[moeLayers.length];
        useLogits = new boolean[moeLayers.length];
        routers = new Router[moeLayers.length];
        try (TraceSource probe = opener.open()) {
            for (int i = 0; i < moeLayers.length; i++) {
                traceLayer[i] = nearestTraced(probe, moeLayers[i]);
                routers[i] = spec.router().create(experts, k);
                useLogits[i] = probe.has(TensorKind.ROUTER_LOGITS, traceLayer[i]);
                if (routers[i].needsLogits() && !useLogits[i]) {
                    throw new FieldException("router", "router " + routers[i].name() + " needs router logits, and the trace has only expert ids"
                            + " at layer " + traceLayer[i] + "; use router: top-k, or a trace with logits");
                }
            }
        }
        logits = new float[experts];
        modelIds = new int[k];
        decision = new RoutingDecision(k);
        layerHits = new LayerHits(model.layers());
    }

    private static int nearestTraced(TraceSource trace, int layer) {
        int best = -1;
        for (int t : trace.info().layers()) {
            if (!trace.has(TensorKind.EXPERTS, t) && !trace.has(TensorKind.ROUTER_LOGITS, t)) continue;
            if (best < 0 || Math.abs(t - layer) < Math.abs(best - layer)) best = t;
        }
        if (best < 0) throw new FieldException("trace", "the trace has no layer with router logits or expert ids");
        return best;
    }

    /** The dense layers' MLP (if any) stays in DRAM; routed experts live on flash behind the caches. */
    @Override
    public long residentBytes() {
        return lowering.denseMlpBytes();
    }

    @Override
    public long flashStaticBytes() {
        return lowering.allRoutedExpertBytes();
    }

    @Override
    public long hookedPerTokenBytes() {
        return lowering.chosenRoutedExpertBytes();
    }

    /**
     * Experts per layer: {@code cachedExperts} when given (it must fit in {@code cacheBytes}),
     * else what {@code cacheBytes} holds; the caches take that many experts in every MoE layer.
     */
    @Override
    public long cacheFootprintBytes(long cacheBytes) {
        if (!EvictionPolicies.holdsBlocks(spec.cache())) {
            capacity = 0;
        } else if (spec.cachedExperts() != null) {
            capacity = Math.min(experts, spec.cachedExperts());
            long need = (long) capacity * expertBytes * moeLayers.length;
            if (need > cacheBytes) {
                throw new FieldException("cachedExperts", capacity + " experts x " + moeLayers.length + " MoE layers x "
                        + mb(expertBytes) + " = " + mb(need) + " do not fit in the " + mb(cacheBytes)
                        + " of DRAM left after the static weights and the KV cache");
            }
        } else {
            capacity = WeightCache.capacityBlocksFor(cacheBytes / moeLayers.length, expertBytes, experts);
        }
        if (hotPerLayer > capacity) {
            throw new FieldException("mixedBits.hot", hotPerLayer + " hot experts per layer do not fit in a cache of " + capacity);
        }
        coldCapacity = hotPerLayer == 0 ? capacity
                : (int) Math.min(experts - hotPerLayer, (capacity - hotPerLayer) * expertBytes / coldBytes);
        return (long) capacity * expertBytes * moeLayers.length;
    }

    private static String mb(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / 1e6);
    }

    @Override
    public void open(long cacheBytes, long seed) {
        cacheFootprintBytes(cacheBytes);
        policies = new EvictionPolicy[moeLayers.length];
        for (int i = 0; i < policies.length; i++) policies[i] = EvictionPolicies.create(spec.cache());
        caches = new ExpertLayerCache[moeLayers.length];
        boolean[][] hot = new boolean[moeLayers.length][experts];
        if (hotPerLayer > 0) {
            try (TraceSource profile = opener.open()) {
                hot = HotExperts.profile(profile, opener.tokens(), traceLayer, useLogits, experts, modelIds.length, hotPerLayer);
            }
        }
        trace = opener.open();
        if ("belady".equals(spec.cache())) {
            try (TraceSource future = opener.open()) {
                prepareOracle(future, opener.tokens());
            }
        }
        SplittableRandom admission = new SplittableRandom(seed);
        for (int i = 0; i < caches.length; i++) {
            caches[i] = new ExpertLayerCache(new WeightCache(experts, coldCapacity, policies[i], admission.split()), hot[i]);
        }
        lifetimes = new ExpertLifetimes(moeLayers.length, experts);
        prefetcher = new NextLayerPrefetcher(moeLayers.length, experts, modelIds.length, spec.prefetch());
        tokensRun = 0;
    }

    /** Prepares Belady caches with every future choice, read from {@code future}, a second opening of the trace. */
    private void prepareOracle(TraceSource future, int tokens) {
        int[][][] choices = new int[moeLayers.length][tokens][];
        RoutingDecision d = new RoutingDecision(modelIds.length);
        for (int t = 0; t < tokens; t++) {
            for (int i = 0; i < moeLayers.length; i++) {
                routeFrom(future, i, t, null, d);
                int[] ids = java.util.Arrays.copyOf(d.experts(), d.count());
                java.util.Arrays.sort(ids);
                choices[i][t] = ids;
            }
        }
        for (int i = 0; i < moeLayers.length; i++) ((BeladyPolicy) policies[i]).prepare(FutureAccesses.ofMasks(choices[i]));
    }

    @Override
    public int hooksPerToken() {
        return moeLayers.length;
    }

    @Override
    public void lowerResident(WorkGroup mlp) {
        if (lowering.denseMlpBytes() > 0) mlp.dram(Component.MLP, lowering.denseMlpBytes(), lowering.denseMlpMacs());
    }

    @Override
    public void lowerHook(int hook, int token, WorkGroup into) {
        routeFrom(trace, hook, token, caches[hook], decision);
        int n = decision.count();
        int hit = caches[hook].step(decision.experts(), n);
        int hotHits = caches[hook].hotHits();
        layerHits.add(moeLayers[hook], hit, n);
        lifetimes.observe(hook, token, caches[hook]);
        tokensRun = Math.max(tokensRun, token + 1);
        if (decision.weightsKnown()) {
            massKeptSum += decision.massKeptShare();
            massKeptCount++;
        }
        changed += decision.changed();
        into.dram(Component.EXPERTS, hotHits * expertBytes + (hit - hotHits) * coldBytes, (long) n * expertMacs);
        into.flash(Component.EXPERTS, (n - hit) * coldBytes, coldBytes, false);
        int ahead = prefetcher.afterRouting(hook, token, decision.experts(), n, hook + 1 < caches.length ? caches[hook + 1] : null);
        if (ahead > 0) {
            caches[hook + 1].step(prefetcher.picked(), ahead);
            into.flash(Component.EXPERTS, ahead * coldBytes, coldBytes, false);
        }
    }

    private void routeFrom(TraceSource source, int hook, int token, org.pocketsim.kernel.cache.CacheView cache, RoutingDecision out) {
        float[] z = null;
        if (useLogits[hook]) {
            source.readRow(TensorKind.ROUTER_LOGITS, traceLayer[hook], token, logits);
            z = logits;
        }
        if (source.has(TensorKind.EXPERTS, traceLayer[hook])) source.readExperts(traceLayer[hook], token, modelIds);
        routers[hook].route(z, modelIds, cache, out);
    }

    /** Prefill reads every routed expert: the caches' share from DRAM, the rest from flash, one expert per read. */
    @Override
    public PrefillReads prefill(long cacheBytes) {
        long cached = Math.min(cacheFootprintBytes(cacheBytes), lowering.allRoutedExpertBytes());
        return PrefillReads.cached(lowering.denseMlpBytes(), lowering.allRoutedExpertBytes(), cached, expertBytes, false);
    }

    @Override
    public void addMetrics(Map<String, Double> metrics, Map<String, List<Double>> series) {
        metrics.put(Metrics.HIT_RATE, layerHits.total());
        metrics.put(Metrics.MISS_RATE, layerHits.missTotal());
        if (lifetimes != null && tokensRun > 0) metrics.put(Metrics.EXPERT_LIFETIME_TOKENS, lifetimes.mean(tokensRun));
        if (massKeptCount > 0) metrics.put(Metrics.ROUTER_MASS_KEPT, massKeptSum / massKeptCount);
        long lookups = layerHits.lookups();
        metrics.put("decisionsChanged", lookups == 0 ? 0 : (double) changed / lookups);
        metrics.put("cachedExperts", (double) capacity);
        metrics.put(Metrics.RESIDENT_EXPERTS, (double) (hotPerLayer + coldCapacity));
        if (spec.prefetch() > 0 && prefetcher != null) {
            metrics.put(Metrics.PREFETCHED_EXPERTS_PER_LOOKUP, lookups == 0 ? 0 : (double) prefetcher.issued() / lookups);
            metrics.put(Metrics.PREFETCH_ACCURACY, prefetcher.issued() == 0 ? 0 : (double) prefetcher.used() / prefetcher.issued());
        }
        series.put(Metrics.HIT_RATE_BY_LAYER, PointResult.seriesOf(layerHits.byLayer()));
        series.put(Metrics.MISS_RATE_BY_LAYER, PointResult.seriesOf(layerHits.missByLayer()));
    }

    @Override
    public List<TraceOpener> traces() {
        return List.of(opener);
    }

    @Override
    public void close() {
        if (trace != null) trace.close();
    }
}

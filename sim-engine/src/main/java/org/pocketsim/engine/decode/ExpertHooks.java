package org.pocketsim.engine.decode;

import org.pocketsim.engine.memory.WeightCache;
import org.pocketsim.engine.memory.eviction.BeladyPolicy;
import org.pocketsim.engine.memory.eviction.EvictionPolicies;
import org.pocketsim.engine.memory.eviction.EvictionPolicy;
import org.pocketsim.engine.memory.eviction.FutureAccesses;
import org.pocketsim.kernel.routing.CachePriorRouter;
import org.pocketsim.kernel.routing.CumulativeWindowRouter;
import org.pocketsim.kernel.routing.MaxRankRouter;
import org.pocketsim.kernel.routing.Router;
import org.pocketsim.kernel.routing.RoutingDecision;
import org.pocketsim.kernel.routing.TopKRouter;
import org.pocketsim.workload.model.ModelSpec;
import org.pocketsim.workload.trace.TensorKind;
import org.pocketsim.workload.trace.TraceSource;

import java.util.SplittableRandom;

/**
 * The expert caches of an MoE run: one per MoE layer, holding whole routed experts. Per token
 * and MoE layer the router picks experts from the trace's router logits (or replays the
 * model's chosen ids when the trace has no logits and the router is plain top-k); chosen experts
 * in the cache are read from DRAM, the others from flash (each expert one sequential read),
 * then the choice enters the cache. Each MoE layer is one {@link WorkGroup}. Model layers the
 * trace lacks use the nearest traced MoE layer. Nothing is allocated per token.
 */
public final class ExpertHooks {

    private final TraceSource trace;
    private final int[] moeLayers;
    private final int[] traceLayer;
    private final boolean[] useLogits;
    private final Router[] routers;
    private final WeightCache[] caches;
    private final boolean oracle;
    private final int capacity;
    private final int experts;
    private final EvictionPolicy[] policies;
    private final SplittableRandom admission;
    private final long expertBytes;
    private final long expertMacs;
    private final float[] logits;
    private final int[] modelIds;
    private final RoutingDecision decision;
    private final LayerHits layerHits;
    private double massKeptSum;
    private long massKeptCount;
    private long changed;

    public ExpertHooks(ModelSpec model, WeightPlan plan, MlpMethod.ExpertCache method, TraceSource trace,
                       long cacheBytes, long seed) {
        if (!model.isMoe()) throw new IllegalArgumentException("mlp.kind expert-cache needs an MoE model; " + model.id() + " is dense");
        this.trace = trace;
        int experts = model.moe().experts();
        int k = model.moe().topK();
        this.moeLayers = java.util.stream.IntStream.range(0, model.layers()).filter(model::isMoeLayer).toArray();
        int first = moeLayers[0];
        var shapes = model.layerShapes(first).moe().expert();
        this.expertBytes = DecodeLowering.bytes(shapes.params(), plan.bits(first, "up"));
        this.expertMacs = shapes.params();
        int capacity = method.cachedExperts() != null ? Math.min(experts, method.cachedExperts())
                : WeightCache.capacityBlocksFor(cacheBytes / moeLayers.length, expertBytes, experts);
        traceLayer = new int[moeLayers.length];
        useLogits = new boolean[moeLayers.length];
        routers = new Router[moeLayers.length];
        caches = new WeightCache[moeLayers.length];
        this.oracle = "belady".equals(method.cache());
        this.capacity = capacity;
        this.experts = experts;
        policies = new EvictionPolicy[moeLayers.length];
        admission = new SplittableRandom(seed);
        for (int i = 0; i < moeLayers.length; i++) {
            traceLayer[i] = nearestTraced(moeLayers[i]);
            routers[i] = router(method, experts, k);
            useLogits[i] = trace.has(TensorKind.ROUTER_LOGITS, traceLayer[i]);
            if (routers[i].needsLogits() && !useLogits[i]) {
                throw new IllegalArgumentException("router " + method.router() + " needs router logits, and the trace has only expert ids"
                        + " at layer " + traceLayer[i] + "; use router: top-k, or a trace with logits");
            }
            policies[i] = EvictionPolicies.create(method.cache());
        }
        if (!oracle) createCaches();
        logits = new float[experts];
        modelIds = new int[k];
        decision = new RoutingDecision(k);
        layerHits = new LayerHits(model.layers());
    }

    private static Router router(MlpMethod.ExpertCache m, int experts, int k) {
        return switch (m.router()) {
            case "cache-prior" -> new CachePriorRouter(experts, k, m.lambda(), m.keepTopJ(), m.renormalise());
            case "max-rank" -> new MaxRankRouter(experts, k, m.keepTopJ(), m.maxRank(), m.renormalise());
            case "cumulative-window" -> new CumulativeWindowRouter(experts, k, m.keepTopJ(), m.threshold(), m.renormalise());
            default -> new TopKRouter(experts, k, m.renormalise());
        };
    }

    private int nearestTraced(int layer) {
        int best = -1;
        for (int t : trace.info().layers()) {
            if (!trace.has(TensorKind.EXPERTS, t) && !trace.has(TensorKind.ROUTER_LOGITS, t)) continue;
            if (best < 0 || Math.abs(t - layer) < Math.abs(best - layer)) best = t;
        }
        if (best < 0) throw new IllegalArgumentException("trace has no layer with router logits or expert ids");
        return best;
    }

    /** Builds the caches once their policies are ready (Belady's after {@link #prepareOracle}). */
    private void createCaches() {
        for (int i = 0; i < caches.length; i++) caches[i] = new WeightCache(experts, capacity, policies[i], admission.split());
    }

    /** Prepares Belady caches with every future choice, read from {@code future}, a second opening of the trace. */
    public void prepareOracle(TraceSource future, int tokens) {
        if (!oracle) return;
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
        createCaches();
    }

    /** Whether the caches use the Belady oracle (which needs {@link #prepareOracle}). */
    public boolean needsOracle() {
        return oracle;
    }

    /** One group per MoE layer and token. */
    public int hooksPerToken() {
        return moeLayers.length;
    }

    /** Fills {@code into} with MoE layer {@code hook} of token {@code token}. */
    public void lowerHook(int hook, int token, WorkGroup into) {
        routeFrom(trace, hook, token, caches[hook], decision);
        int n = decision.count();
        int hit = caches[hook].step(decision.experts(), n);
        int layer = moeLayers[hook];
        layerHits.add(layer, hit, n);
        if (decision.weightsKnown()) {
            massKeptSum += decision.massKeptShare();
            massKeptCount++;
        }
        changed += decision.changed();
        into.dram(Component.EXPERTS, hit * expertBytes, (long) n * expertMacs);
        into.flash(Component.EXPERTS, (n - hit) * expertBytes, expertBytes, false);
    }

    private void routeFrom(TraceSource source, int hook, int token, WeightCache cache, RoutingDecision out) {
        float[] z = null;
        if (useLogits[hook]) {
            source.readRow(TensorKind.ROUTER_LOGITS, traceLayer[hook], token, logits);
            z = logits;
        }
        if (source.has(TensorKind.EXPERTS, traceLayer[hook])) source.readExperts(traceLayer[hook], token, modelIds);
        routers[hook].route(z, modelIds, cache, out);
    }

    /** Expert cache hit rate per model layer (0 for dense layers). */
    public double[] hitRateByLayer() {
        return layerHits.byLayer();
    }

    public double hitRate() {
        return layerHits.total();
    }

    /** Mean share of plain top-k's router probability mass the chosen experts keep (NaN without logits). */
    public double routerMassKept() {
        return massKeptCount == 0 ? Double.NaN : massKeptSum / massKeptCount;
    }

    /** Share of expert decisions that differ from plain top-k. */
    public double decisionsChanged() {
        long c = layerHits.lookups();
        return c == 0 ? 0 : (double) changed / c;
    }

    /** Experts each layer's cache holds. */
    public int cachedExperts() {
        return capacity;
    }
}

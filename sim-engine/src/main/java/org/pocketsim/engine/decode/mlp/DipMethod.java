package org.pocketsim.engine.decode.mlp;

import org.pocketsim.engine.decode.Component;
import org.pocketsim.engine.decode.DecodeLowering;
import org.pocketsim.engine.decode.LayerHits;
import org.pocketsim.engine.decode.TraceOpener;
import org.pocketsim.engine.decode.WorkGroup;
import org.pocketsim.engine.result.Metrics;
import org.pocketsim.engine.result.PointResult;
import org.pocketsim.hw.config.FieldException;

import org.pocketsim.engine.memory.WeightCache;
import org.pocketsim.engine.memory.eviction.BeladyPolicy;
import org.pocketsim.engine.memory.eviction.EvictionPolicies;
import org.pocketsim.engine.memory.eviction.EvictionPolicy;
import org.pocketsim.engine.memory.eviction.FutureAccesses;
import org.pocketsim.kernel.sparsity.CacheAwareMasker;
import org.pocketsim.kernel.sparsity.CacheAwareSpec;
import org.pocketsim.kernel.sparsity.DipDensity;
import org.pocketsim.kernel.sparsity.MagnitudeMasker;
import org.pocketsim.kernel.sparsity.MaskQuality;
import org.pocketsim.kernel.sparsity.Masker;
import org.pocketsim.workload.model.ModelSpec;
import org.pocketsim.workload.trace.TensorKind;
import org.pocketsim.workload.trace.TraceSource;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * DIP ({@link DipSpec}) with the DIP reference simulator's semantics (papers.md §1.5): per layer
 * an up hook (its mask applies to up and gate, so it counts twice when the MLP is gated) and a
 * down hook; one column cache per hook holding {@code capacity / (size x bytes)} columns, where
 * each masked linear gets an equal share of the DRAM left for caches; per token, a hook reads its
 * cached mask columns from DRAM and the others from flash, then writes the mask into its cache.
 * Each hook is one {@link WorkGroup}, timed on its own.
 *
 * <p>Masks come from the trace: top-k of |mlp_in| for up/gate and of |down_in| for down (the
 * trace's dense GLU activation stands in for the pruned one: no weights are needed). Model
 * layers the trace lacks use the nearest traced layer. Nothing is allocated per token.
 */
final class DipMethod implements MlpMethod {

    private final DipSpec spec;
    private final DecodeLowering lowering;
    private final TraceOpener opener;
    private final int[] traceLayer;
    private final int layers;
    private final int hidden;
    private final int intermediate;
    private final int upLinears;
    private final boolean gluPruning;
    private final int kUp;
    private final int kDown;
    private final long[] upColumnBytes;
    private final long[] downColumnBytes;
    private final long residentBytes;
    private final Masker masker;
    private final boolean oracle;
    private final float[] mlpIn;
    private final float[] downIn;
    private final int[] mask;
    private final LayerHits layerHits;
    private TraceSource trace;
    private WeightCache[] upCache;
    private WeightCache[] downCache;
    private EvictionPolicy[] upPolicy;
    private EvictionPolicy[] downPolicy;
    private int[] upCapacity;
    private int[] downCapacity;
    private SplittableRandom admission;
    private double normKeptSum;
    private long normKeptCount;

    DipMethod(DipSpec dip, MlpContext context) {
        ModelSpec model = context.model();
        if (model.isMoe()) throw new FieldException("kind", "dip needs a dense model; " + model.id() + " is MoE (use expert-cache)");
        this.spec = dip;
        this.lowering = context.lowering();
        this.opener = context.traces().opener(dip.trace(), model, context.generate(), true);
        this.layers = model.layers();
        this.hidden = model.hidden();
        this.intermediate = model.intermediate();
        this.upLinears = model.activation().gated() ? 2 : 1;
        this.gluPruning = dip.gluPruning();
        DipDensity density = dip.density();
        this.kUp = gluPruning ? hidden : density.upColumns(hidden);
        this.kDown = density.downColumns(intermediate);
        try (TraceSource probe = opener.open()) {
            this.traceLayer = mapLayers(model, probe);
        }
        upColumnBytes = new long[layers];
        downColumnBytes = new long[layers];
        for (int l = 0; l < layers; l++) {
            upColumnBytes[l] = DecodeLowering.bytes(intermediate, context.plan().bits(l, "up", hidden));
            downColumnBytes[l] = DecodeLowering.bytes(hidden, context.plan().bits(l, "down", intermediate));
        }
        this.residentBytes = gluPruning ? lowering.denseMlpBytes() * upLinears / (upLinears + 1) : 0;
        this.oracle = "belady".equals(dip.cache());
        int widest = Math.max(hidden, intermediate);
        this.masker = dip.gamma() == null ? new MagnitudeMasker(widest)
                : new CacheAwareMasker(new CacheAwareSpec(dip.gamma(), dip.fixedTopShare(), dip.warmUp(), false), widest);
        this.mlpIn = new float[hidden];
        this.downIn = new float[intermediate];
        this.mask = new int[widest];
        this.layerHits = new LayerHits(layers);
    }

    @Override
    public long residentBytes() {
        return residentBytes;
    }

    /**
     * The column caches take all the DRAM left for caches (split evenly over the masked linears);
     * under {@code none} (no cache) they take nothing.
     */
    @Override
    public long cacheFootprintBytes(long cacheBytes) {
        return EvictionPolicies.holdsBlocks(spec.cache()) ? cacheBytes : 0;
    }

    @Override
    public void open(long cacheBytes, long seed) {
        int maskedLinears = gluPruning ? 1 : upLinears + 1;
        long perLinear = cacheBytes / ((long) maskedLinears * layers);
        upCache = new WeightCache[layers];
        downCache = new WeightCache[layers];
        upPolicy = new EvictionPolicy[layers];
        downPolicy = new EvictionPolicy[layers];
        upCapacity = new int[layers];
        downCapacity = new int[layers];
        for (int l = 0; l < layers; l++) {
            upCapacity[l] = WeightCache.capacityBlocksFor(perLinear, upColumnBytes[l], hidden);
            downCapacity[l] = WeightCache.capacityBlocksFor(perLinear, downColumnBytes[l], intermediate);
            upPolicy[l] = gluPruning ? null : EvictionPolicies.create(spec.cache());
            downPolicy[l] = EvictionPolicies.create(spec.cache());
        }
        this.admission = new SplittableRandom(seed);
        trace = opener.open();
        if (oracle) {
            try (TraceSource future = opener.open()) {
                prepareOracle(future, opener.tokens());
            }
        } else {
            createCaches();
        }
    }

    @Override
    public void lowerResident(WorkGroup mlp) {
        if (residentBytes > 0) mlp.dram(Component.MLP, residentBytes, lowering.denseMlpMacs() * residentBytes / lowering.denseMlpBytes());
    }

    /** Prefill reads every masked column: the caches' share from DRAM, the rest from flash in column reads. */
    @Override
    public PrefillReads prefill(long cacheBytes) {
        return PrefillReads.cached(residentBytes, lowering.denseMlpBytes() - residentBytes, cacheBytes,
                gluPruning ? downColumnBytes[0] : upColumnBytes[0], true);
    }

    @Override
    public void addMetrics(Map<String, Double> metrics, Map<String, List<Double>> series) {
        metrics.put(Metrics.HIT_RATE, layerHits.total());
        metrics.put(Metrics.NORM_KEPT, normKept());
        series.put(Metrics.HIT_RATE_BY_LAYER, PointResult.seriesOf(layerHits.byLayer()));
    }

    @Override
    public List<TraceOpener> traces() {
        return List.of(opener);
    }

    @Override
    public void close() {
        if (trace != null) trace.close();
    }

    private static int[] mapLayers(ModelSpec model, TraceSource trace) {
        java.util.List<Integer> traced = trace.info().layers();
        int[] map = new int[model.layers()];
        for (int l = 0; l < map.length; l++) {
            int best = -1;
            for (int t : traced) {
                if (!trace.has(TensorKind.MLP_IN, t) || !trace.has(TensorKind.DOWN_IN, t)) continue;
                if (best < 0 || Math.abs(t - l) < Math.abs(best - l)) best = t;
            }
            if (best < 0) throw new FieldException("trace", "the trace has no layer with both mlp_in and down_in, which DIP needs");
            map[l] = best;
        }
        return map;
    }

    /** Builds the caches once their policies are ready (Belady's after {@link #prepareOracle}). */
    private void createCaches() {
        for (int l = 0; l < downCache.length; l++) {
            if (upPolicy[l] != null) upCache[l] = new WeightCache(hidden, upCapacity[l], upPolicy[l], admission.split());
            downCache[l] = new WeightCache(intermediate, downCapacity[l], downPolicy[l], admission.split());
        }
    }

    /**
     * Prepares Belady caches with every future mask, read from {@code future}, a second opening of
     * the same trace (plain DIP masks do not depend on the cache, so they can be computed ahead).
     */
    private void prepareOracle(TraceSource future, int tokens) {
        int[][][] upMasks = new int[layers][tokens][];
        int[][][] downMasks = new int[layers][tokens][];
        for (int t = 0; t < tokens; t++) {
            for (int l = 0; l < layers; l++) {
                if (!gluPruning) upMasks[l][t] = futureMask(future, l, t, true);
                downMasks[l][t] = futureMask(future, l, t, false);
            }
        }
        for (int l = 0; l < layers; l++) {
            if (upPolicy[l] != null) ((BeladyPolicy) upPolicy[l]).prepare(FutureAccesses.ofMasks(upMasks[l]));
            ((BeladyPolicy) downPolicy[l]).prepare(FutureAccesses.ofMasks(downMasks[l]));
        }
        createCaches();
    }

    private int[] futureMask(TraceSource future, int layer, int token, boolean up) {
        float[] row = up ? mlpIn : downIn;
        future.readRow(up ? TensorKind.MLP_IN : TensorKind.DOWN_IN, traceLayer[layer], token, row);
        int k = masker.select(row, row.length, up ? kUp : kDown, null, token, mask);
        return java.util.Arrays.copyOf(mask, k);
    }

    /** Masked-linear hooks per token: two per layer, or one (down) under GLU pruning. */
    @Override
    public int hooksPerToken() {
        return layers * (gluPruning ? 1 : 2);
    }

    /** Fills {@code into} with hook {@code hook} of token {@code token}: its mask's DRAM and flash reads. */
    @Override
    public void lowerHook(int hook, int token, WorkGroup into) {
        int perLayer = gluPruning ? 1 : 2;
        int layer = hook / perLayer;
        boolean up = !gluPruning && hook % perLayer == 0;
        float[] row = up ? mlpIn : downIn;
        trace.readRow(up ? TensorKind.MLP_IN : TensorKind.DOWN_IN, traceLayer[layer], token, row);
        WeightCache cache = up ? upCache[layer] : downCache[layer];
        int k = masker.select(row, row.length, up ? kUp : kDown, cache, token, mask);
        int hits = cache.step(mask, k);
        if (up) {
            normKeptSum += MaskQuality.normKept(row, row.length, mask, k);
            normKeptCount++;
        }
        layerHits.add(layer, hits, k);
        long columnBytes = up ? upColumnBytes[layer] : downColumnBytes[layer];
        int linears = up ? upLinears : 1;
        int size = up ? intermediate : hidden;
        into.dram(Component.MLP, (long) hits * columnBytes * linears, (long) k * size * linears);
        long request = up && spec.bundle() ? columnBytes * linears : columnBytes;
        into.flash(Component.MLP, (long) (k - hits) * columnBytes * linears, request, true);
    }

    /** Mean share of the MLP input's L2 norm kept by the up/gate masks (1 under GLU pruning). */
    private double normKept() {
        return normKeptCount == 0 ? 1 : normKeptSum / normKeptCount;
    }
}

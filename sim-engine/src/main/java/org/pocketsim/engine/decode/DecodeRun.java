package org.pocketsim.engine.decode;

import org.pocketsim.engine.component.ActionCounts;
import org.pocketsim.engine.component.EnergyBreakdown;
import org.pocketsim.engine.component.EnergyModel;
import org.pocketsim.engine.experiment.RunSpec;
import org.pocketsim.engine.experiment.TimingSpec;
import org.pocketsim.engine.result.Metrics;
import org.pocketsim.hw.spec.Requester;
import org.pocketsim.hw.spec.SocSpec;
import org.pocketsim.workload.model.ModelSpec;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One run of the decode pipeline on resolved specs: places the model, lowers every generated
 * token into work groups, times them (analytic or discrete-event), prices the counted actions,
 * and times the prefill of the prompt. Deterministic; allocates nothing per token.
 */
public final class DecodeRun {

    private final SocSpec soc;
    private final ModelSpec model;
    private final RunSpec run;
    private final DecodeLowering lowering;
    private final Map<KernelKind, Requester> kernelUnits = new java.util.EnumMap<>(KernelKind.class);
    /** Whether kernel kinds run on different units: then each kind's static reads are a group of its own. */
    private final boolean splitUnits;
    private final Requester prefillUnit;
    private final Placement placement;
    private final WeightPlan plan;
    private final Path baseDir;
    private final long seed;
    private final long traceSeed;
    private DipHooks dip;
    private ExpertHooks experts;

    /**
     * @param baseDir   folder that relative trace paths start from (the experiment file's)
     * @param seed      the point's seed (random cache admission)
     * @param traceSeed seed of synthetic traces that name none (the experiment's, shared by all points)
     */
    public DecodeRun(SocSpec soc, ModelSpec model, RunSpec run, Path baseDir, long seed, long traceSeed) {
        this.soc = soc;
        this.model = model;
        this.run = run;
        this.baseDir = baseDir;
        this.seed = seed;
        this.traceSeed = traceSeed;
        this.plan = WeightPlan.of(run.weights(), run.lmHeadWeights(), model.layers());
        this.lowering = new DecodeLowering(model, plan, WeightBits.of(run.kv()));
        for (KernelKind kind : KernelKind.values()) {
            Requester unit = run.executor().kernels().get(kind.key());
            if (unit == null) unit = run.executor().decode() != null ? run.executor().decode() : soc.execution().unitFor(kind.key());
            kernelUnits.put(kind, unit);
        }
        this.splitUnits = new java.util.HashSet<>(kernelUnits.values()).size() > 1;
        this.prefillUnit = run.executor().prefill() != null ? run.executor().prefill() : soc.execution().unitFor("prefill");
        long mlpResident = residentMlpBytes();
        long cachedExperts = run.mlp() instanceof MlpMethod.ExpertCache ? lowering.allRoutedExpertBytes() : 0;
        long perTokenWeights = lowering.weightBytesPerToken() - lowering.denseMlpBytes() + mlpResident
                - (cachedExperts > 0 ? lowering.chosenRoutedExpertBytes() : 0);
        long budget = run.placement().dramBudget() == null ? Long.MAX_VALUE : run.placement().dramBudget().bytes();
        TraceSpec traceSpec = run.mlp() instanceof MlpMethod.Dip d ? d.trace()
                : run.mlp() instanceof MlpMethod.ExpertCache e ? e.trace() : null;
        if (traceSpec != null && traceSpec.dir() != null && !java.nio.file.Files.isDirectory(baseDir.resolve(traceSpec.dir()))) {
            throw new org.pocketsim.hw.config.FieldException("mlp.trace.dir", "no trace directory " + baseDir.resolve(traceSpec.dir()));
        }
        this.placement = Placement.plan(lowering.staticFootprintBytes() - cachedExperts + mlpResident, perTokenWeights,
                lowering.kvBytes(lowering.attendedTokens(maxKvTokens())), soc.dram().available().bytes(), budget, run.placement().allowStreaming());
    }

    /** Dense MLP bytes held in DRAM outside any cache: all (dense), a share (sparse-stream), up+gate (GLU pruning). */
    private long residentMlpBytes() {
        if (run.mlp() instanceof MlpMethod.SparseStream s) return (long) (s.residentShare() * lowering.denseMlpBytes());
        if (run.mlp() instanceof MlpMethod.Dip d) {
            if (!d.gluPruning()) return 0;
            int linears = model.activation().gated() ? 2 : 1;
            return lowering.denseMlpBytes() * linears / (linears + 1);
        }
        return lowering.denseMlpBytes();
    }

    private int maxKvTokens() {
        return run.kvWindow() != null ? run.kvWindow() : run.prompt() + run.generate();
    }

    /** Runs the generation and returns what it measured. */
    public DecodeOutcome run() {
        if (run.mlp() instanceof MlpMethod.ExpertCache e) return runExperts(e);
        if (!(run.mlp() instanceof MlpMethod.Dip d)) return new DecodeOutcome(generate(), Map.of(), null);
        TraceOpener opener = new TraceOpener(d.trace(), model, baseDir, traceSeed, run.generate(), true);
        try (org.pocketsim.workload.trace.TraceSource trace = opener.open()) {
            long cacheBytes = cacheBytes();
            dip = new DipHooks(model, plan, d, trace, cacheBytes, seed);
            if (dip.needsOracle()) {
                try (org.pocketsim.workload.trace.TraceSource future = opener.open()) {
                    dip.prepareOracle(future, run.generate());
                }
            }
            Map<String, Double> metrics = generate();
            metrics.put(Metrics.HIT_RATE, dip.hitRate());
            metrics.put(Metrics.NORM_KEPT, dip.normKept());
            metrics.put(Metrics.DRAM_FOOTPRINT_BYTES, (double) (placement.dramFootprintBytes() + cacheBytes));
            return new DecodeOutcome(metrics, Map.of(Metrics.HIT_RATE_BY_LAYER,
                    org.pocketsim.engine.result.PointResult.seriesOf(dip.hitRateByLayer())), trace.info());
        }
    }

    /** The DRAM left for caches after static layers, KV and the run's weight budget. */
    private long cacheBytes() {
        long cacheBytes = Math.max(0, soc.dram().available().bytes() - placement.dramFootprintBytes());
        if (run.placement().dramBudget() != null) {
            cacheBytes = Math.min(cacheBytes, Math.max(0, run.placement().dramBudget().bytes() - placement.residentWeightBytes()));
        }
        return cacheBytes;
    }

    private DecodeOutcome runExperts(MlpMethod.ExpertCache method) {
        TraceOpener opener = new TraceOpener(method.trace(), model, baseDir, traceSeed, run.generate(), false);
        try (org.pocketsim.workload.trace.TraceSource trace = opener.open()) {
            experts = new ExpertHooks(model, plan, method, trace, cacheBytes(), seed);
            if (experts.needsOracle()) {
                try (org.pocketsim.workload.trace.TraceSource future = opener.open()) {
                    experts.prepareOracle(future, run.generate());
                }
            }
            Map<String, Double> metrics = generate();
            metrics.put(Metrics.HIT_RATE, experts.hitRate());
            if (!Double.isNaN(experts.routerMassKept())) metrics.put(Metrics.ROUTER_MASS_KEPT, experts.routerMassKept());
            metrics.put("decisionsChanged", experts.decisionsChanged());
            metrics.put("cachedExperts", (double) experts.cachedExperts());
            return new DecodeOutcome(metrics, Map.of(Metrics.HIT_RATE_BY_LAYER,
                    org.pocketsim.engine.result.PointResult.seriesOf(experts.hitRateByLayer())), trace.info());
        }
    }

    private Map<String, Double> generate() {
        SocTiming timing = new SocTiming(soc);
        Map<Requester, AnalyticExecutor> analytic = new java.util.EnumMap<>(Requester.class);
        for (Requester unit : kernelUnits.values()) {
            analytic.computeIfAbsent(unit, u -> new AnalyticExecutor(timing, run.timing(), u, run.computeFormat()));
        }
        DesExecutor des = run.mode() == RunSpec.Mode.DES ? new DesExecutor(timing, run.timing(),
                java.util.EnumSet.copyOf(kernelUnits.values()), run.computeFormat(), run.timing().coRunners()) : null;
        WorkGroup[] groups = new WorkGroup[staticGroups() + dynamicGroups()];
        for (int g = 0; g < groups.length; g++) groups[g] = new WorkGroup();
        TokenTime token = new TokenTime();
        TokenTime sum = new TokenTime();
        long dramBytes = 0;
        long flashBytes = 0;
        long[] macsByUnit = new long[Requester.values().length];
        long[] componentBytes = new long[Component.COUNT];
        for (int t = 0; t < run.generate(); t++) {
            token.reset();
            int kvTokens = run.kvWindow() != null ? run.kvWindow() : run.prompt() + t;
            for (WorkGroup group : groups) group.reset();
            lowerToken(t, kvTokens, groups);
            for (WorkGroup group : groups) {
                if (des == null) analytic.get(group.unit).time(group, token);
                dramBytes += group.dramBytes;
                flashBytes += group.flashBytes;
                macsByUnit[group.unit.ordinal()] += group.macs;
                for (int c = 0; c < Component.COUNT; c++) componentBytes[c] += group.componentBytes[c];
            }
            if (des != null) des.time(groups, groups.length, token);
            sum.add(token);
        }
        return collect(sum, dramBytes, flashBytes, macsByUnit, componentBytes);
    }

    /** Static groups per token: one, or one per kernel kind when the kinds run on different units. */
    private int staticGroups() {
        return splitUnits ? KernelKind.values().length : 1;
    }

    /** Dynamic groups per token: the sparse FFN reads (sparse-stream), or one per masked linear (DIP). */
    private int dynamicGroups() {
        if (dip != null) return dip.hooksPerToken();
        if (experts != null) return experts.hooksPerToken();
        return run.mlp() instanceof MlpMethod.SparseStream ? 1 : 0;
    }

    /**
     * Lowers token {@code token} into {@code groups}: first what every token reads (split by kernel
     * kind when the kinds run on different units), then the dynamic groups.
     */
    private void lowerToken(int token, int kvTokens, WorkGroup[] groups) {
        WorkGroup attention = groups[0];
        WorkGroup mlp = splitUnits ? groups[KernelKind.MLP.ordinal()] : groups[0];
        WorkGroup head = splitUnits ? groups[KernelKind.LM_HEAD.ordinal()] : groups[0];
        attention.unit = kernelUnits.get(KernelKind.ATTENTION);
        mlp.unit = kernelUnits.get(KernelKind.MLP);
        head.unit = kernelUnits.get(KernelKind.LM_HEAD);
        if (!splitUnits) groups[0].unit = kernelUnits.get(KernelKind.MLP);
        lowering.lowerStatic(kvTokens, attention, mlp, head, experts == null);
        long residentMlp = residentMlpBytes();
        if (run.mlp() instanceof MlpMethod.Dense) {
            mlp.dram(model.isMoe() ? Component.EXPERTS : Component.MLP, lowering.denseMlpBytes(), lowering.denseMlpMacs());
        } else if (run.mlp() instanceof MlpMethod.Dip && residentMlp > 0) {
            mlp.dram(Component.MLP, residentMlp, lowering.denseMlpMacs() * residentMlp / lowering.denseMlpBytes());
        }
        long streamed = placement.streamedBytesPerToken();
        if (streamed > 0) {
            mlp.dramBytes -= streamed;
            mlp.componentBytes[Component.MLP.ordinal()] -= streamed;
            mlp.flash(Component.MLP, streamed, lowering.largestMatrixBytes(), false);
        }
        for (int d = 0; d < dynamicGroups(); d++) {
            WorkGroup group = groups[staticGroups() + d];
            group.unit = kernelUnits.get(KernelKind.MLP);
            if (dip != null) {
                dip.lowerHook(d, token, group);
            } else if (experts != null) {
                experts.lowerHook(d, token, group);
            } else {
                MlpMethod.SparseStream s = (MlpMethod.SparseStream) run.mlp();
                group.flash(Component.MLP, (long) (s.loadShare() * lowering.denseMlpBytes()), s.chunk().bytes(), true);
                group.dram(Component.MLP, (long) (s.activeShare() * lowering.denseMlpBytes()),
                        (long) (s.activeShare() * lowering.denseMlpMacs()));
            }
        }
    }

    private Map<String, Double> collect(TokenTime sum, long dramBytes, long flashBytes, long[] macsByUnit, long[] componentBytes) {
        int n = run.generate();
        double seconds = sum.total() / n;
        Map<String, Double> m = new LinkedHashMap<>();
        m.put(Metrics.TOKENS_PER_SECOND, 1 / seconds);
        m.put(Metrics.MS_PER_TOKEN, seconds * 1e3);
        m.put(Metrics.MS_FLASH_IO, sum.flash / n * 1e3);
        m.put(Metrics.MS_DRAM_IO, sum.dram / n * 1e3);
        m.put(Metrics.MS_COMPUTE, sum.compute / n * 1e3);
        m.put(Metrics.MS_STALL, sum.stall / n * 1e3);
        if (run.prompt() > 0) {
            double ttft = prefillSeconds();
            m.put(Metrics.TTFT_MS, ttft * 1e3);
            m.put(Metrics.PREFILL_TOKENS_PER_SECOND, run.prompt() / ttft);
        }
        m.put(Metrics.DRAM_FOOTPRINT_BYTES, (double) placement.dramFootprintBytes());
        m.put(Metrics.DRAM_BYTES_PER_TOKEN, (double) dramBytes / n);
        m.put(Metrics.FLASH_BYTES_PER_TOKEN, (double) flashBytes / n);
        ActionCounts counts = new ActionCounts().addDramBytes(dramBytes).addFlashBytes(flashBytes)
                .addElapsedPs(Math.round(sum.total() * 1e12));
        if (macsByUnit[Requester.NPU.ordinal()] > 0) counts.addNpuMacs(run.computeFormat(), macsByUnit[Requester.NPU.ordinal()]);
        if (macsByUnit[Requester.CPU.ordinal()] > 0) counts.addCpuMacs(run.computeFormat(), macsByUnit[Requester.CPU.ordinal()]);
        EnergyBreakdown e = EnergyModel.fromSpec(soc).price(counts);
        double pjToMjPerToken = 1e-9 / n;
        m.put(Metrics.ENERGY_PER_TOKEN_MJ, e.totalPj() * pjToMjPerToken);
        m.put(Metrics.ENERGY_DRAM_MJ, e.dramPj() * pjToMjPerToken);
        m.put(Metrics.ENERGY_FLASH_MJ, e.flashPj() * pjToMjPerToken);
        m.put(Metrics.ENERGY_COMPUTE_MJ, (e.npuMacPj() + e.cpuMacPj()) * pjToMjPerToken);
        m.put(Metrics.ENERGY_STATIC_MJ, e.staticPj() * pjToMjPerToken);
        for (Component c : Component.values()) {
            if (componentBytes[c.ordinal()] > 0) m.put("bytesPerToken." + c.metricName(), (double) componentBytes[c.ordinal()] / n);
        }
        return m;
    }

    /**
     * Time to first token: the prompt as matrix-matrix work on the prefill unit. Weights (and the
     * streamed share, from flash) are read once; MACs are the prompt length times the matrix MACs
     * per token plus causal attention ({@code P(P+1)/2} cached-token products); the phase takes
     * the larger of its I/O and compute time unless compute is ignored.
     */
    double prefillSeconds() {
        SocTiming timing = new SocTiming(soc);
        long p = run.prompt();
        long streamed = placement.streamedBytesPerToken();
        double flash = timing.flashSeconds(streamed, lowering.largestMatrixBytes(), false);
        double dram = (lowering.weightBytesPerToken() - streamed) / timing.dramBytesPerSecond(prefillUnit);
        double io = run.timing().concurrentIo() ? Math.max(flash, dram) : flash + dram;
        if (run.timing().compute() == TimingSpec.Compute.IGNORE) return io;
        double macs = p * (double) lowering.matrixMacsPerToken() + lowering.scoreMacsPerCachedToken() * (p * (p + 1) / 2.0);
        double compute = macs / timing.macsPerSecond(prefillUnit, run.computeFormat(), SocTiming.Phase.PREFILL);
        return run.timing().compute() == TimingSpec.Compute.SERIAL ? io + compute : Math.max(io, compute);
    }

    /** The unit that runs decode kernels of {@code kind}. */
    public Requester unitOf(KernelKind kind) {
        return kernelUnits.get(kind);
    }
}

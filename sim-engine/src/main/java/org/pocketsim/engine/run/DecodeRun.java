package org.pocketsim.engine.run;

import org.pocketsim.engine.component.ActionCounts;
import org.pocketsim.engine.component.EnergyBreakdown;
import org.pocketsim.engine.component.EnergyModel;
import org.pocketsim.engine.compute.ComputeModel;
import org.pocketsim.engine.compute.WeightDecoder;
import org.pocketsim.engine.decode.AnalyticExecutor;
import org.pocketsim.engine.decode.Component;
import org.pocketsim.engine.decode.DecodeLowering;
import org.pocketsim.engine.decode.DesExecutor;
import org.pocketsim.engine.decode.GraphNodes;
import org.pocketsim.engine.decode.KernelKind;
import org.pocketsim.engine.decode.Placement;
import org.pocketsim.engine.decode.SocTiming;
import org.pocketsim.engine.decode.TimingSpec;
import org.pocketsim.engine.decode.TokenTime;
import org.pocketsim.engine.decode.Traces;
import org.pocketsim.engine.decode.WeightBits;
import org.pocketsim.engine.decode.WeightPlan;
import org.pocketsim.engine.decode.WorkGroup;
import org.pocketsim.engine.decode.mlp.MlpContext;
import org.pocketsim.engine.decode.mlp.MlpMethod;
import org.pocketsim.engine.decode.mlp.PrefillReads;
import org.pocketsim.engine.point.DecodeSpec;
import org.pocketsim.engine.point.PointOutcome;
import org.pocketsim.engine.result.Metrics;
import org.pocketsim.hw.spec.Requester;
import org.pocketsim.hw.spec.SocSpec;
import org.pocketsim.workload.model.ModelSpec;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One run of the decode pipeline on resolved specs: places the model, lowers every generated
 * token into work groups (static reads, then the MLP method's hooks), times them (analytic or
 * discrete-event), prices the counted actions, and times the prefill of the prompt. The MLP
 * method is one field; nothing here depends on which method it is. Construction makes every
 * check (formats, placement, cache sizes, traces); {@link #run()} then only simulates.
 * Deterministic; allocates nothing per token.
 */
public final class DecodeRun {

    private final SocSpec soc;
    private final ModelSpec model;
    private final DecodeSpec run;
    private final DecodeLowering lowering;
    private final PromptWork prompt;
    private final Map<KernelKind, Requester> kernelUnits = new EnumMap<>(KernelKind.class);
    /** Whether kernel kinds run on different units: then each kind's static reads are a group of its own. */
    private final boolean splitUnits;
    private final Requester prefillUnit;
    private final MlpMethod mlp;
    private final Placement placement;
    private final long cacheBytes;
    private final long cacheFootprintBytes;
    private final long seed;
    private final ComputeModel compute;
    /** The weight format's decode work on this run's units, or null when the run does not price it. */
    private final WeightDecoder decoder;
    private final double weightBits;
    private final GraphNodes graph;

    /**
     * @param traces the experiment's checked traces
     * @param seed   the point's seed (random cache admission)
     */
    public DecodeRun(SocSpec soc, ModelSpec model, DecodeSpec run, Traces traces, long seed) {
        this.soc = soc;
        this.model = model;
        this.run = run;
        this.seed = seed;
        this.compute = RunChecks.underCompute(() -> run.compute().bind(soc));
        WeightPlan plan = WeightPlan.of(run.weights(), run.lmHeadWeights(), model.layers(), model.attention().queriesPerKvHead());
        this.lowering = new DecodeLowering(model, plan, WeightBits.of(run.kv()));
        this.prompt = new PromptWork(run, lowering);
        this.graph = new GraphNodes(model);
        for (KernelKind kind : KernelKind.values()) {
            Requester unit = run.executor().kernels().get(kind.key());
            if (unit == null) unit = run.executor().decode() != null ? run.executor().decode() : soc.execution().unitFor(kind.key());
            kernelUnits.put(kind, unit);
        }
        this.splitUnits = new java.util.HashSet<>(kernelUnits.values()).size() > 1;
        this.prefillUnit = run.executor().prefill() != null ? run.executor().prefill() : soc.execution().unitFor("prefill");
        RunChecks.units(soc, run, kernelUnits.values(), prefillUnit);
        RunChecks.npuGraphs(soc, run, kernelUnits.values(), prefillUnit);
        RunChecks.computeFormat(soc, compute, run, kernelUnits.values(), prefillUnit);
        this.decoder = RunChecks.decoder(soc, compute, run);
        this.weightBits = decoder == null ? 0 : WeightBits.of(run.weights());
        this.mlp = RunChecks.underMlp(() -> run.mlp().bind(new MlpContext(model, plan, lowering, run.generate(), traces)));
        long weightBytes = lowering.staticFootprintBytes() - mlp.flashStaticBytes() + mlp.residentBytes();
        long perTokenWeights = lowering.weightBytesPerToken() - lowering.denseMlpBytes() + mlp.residentBytes() - mlp.hookedPerTokenBytes();
        long budget = run.placement().dramBudget() == null ? Long.MAX_VALUE : run.placement().dramBudget().bytes();
        this.placement = Placement.plan(weightBytes, perTokenWeights, lowering.kvBytes(lowering.attendedTokens(maxKvTokens())),
                soc.dram().available().bytes(), budget, run.placement().allowStreaming());
        this.cacheBytes = cacheBytes();
        this.cacheFootprintBytes = RunChecks.underMlp(() -> mlp.cacheFootprintBytes(cacheBytes));
    }

    private int maxKvTokens() {
        return run.kvWindow() != null ? run.kvWindow() : run.prompt() + run.generate();
    }

    /** The DRAM left for caches after static layers, KV and the run's weight budget. */
    private long cacheBytes() {
        long left = Math.max(0, soc.dram().available().bytes() - placement.dramFootprintBytes());
        if (run.placement().dramBudget() != null) {
            left = Math.min(left, Math.max(0, run.placement().dramBudget().bytes() - placement.residentWeightBytes()));
        }
        return left;
    }

    /** The run as specified. */
    public DecodeSpec spec() {
        return run;
    }

    /** Where this run's MAC rates and prices come from. */
    public ComputeModel compute() {
        return compute;
    }

    /** The run's weight decoder, or null when it does not price decode work. */
    public WeightDecoder decoder() {
        return decoder;
    }

    /** The run's MLP method (its traces give provenance and stored-result keys). */
    public MlpMethod mlp() {
        return mlp;
    }

    /** Runs the generation and returns what it measured. */
    public PointOutcome run() {
        try (MlpMethod method = mlp) {
            method.open(cacheBytes, seed);
            Map<String, Double> metrics = generate();
            Map<String, List<Double>> series = new LinkedHashMap<>();
            method.addMetrics(metrics, series);
            metrics.put(Metrics.DRAM_FOOTPRINT_BYTES, (double) (placement.dramFootprintBytes() + cacheFootprintBytes));
            return new PointOutcome(metrics, series);
        }
    }

    private Map<String, Double> generate() {
        SocTiming timing = new SocTiming(soc, compute);
        Map<Requester, AnalyticExecutor> analytic = new EnumMap<>(Requester.class);
        for (Requester unit : kernelUnits.values()) {
            analytic.computeIfAbsent(unit, u -> new AnalyticExecutor(timing, run.timing(), u, run.computeFormat()));
        }
        DesExecutor des = run.mode() == DecodeSpec.Mode.DES ? new DesExecutor(timing, run.timing(),
                java.util.EnumSet.copyOf(kernelUnits.values()), run.computeFormat(), run.timing().coRunners()) : null;
        WorkGroup[] groups = new WorkGroup[staticGroups() + mlp.hooksPerToken()];
        for (int g = 0; g < groups.length; g++) groups[g] = new WorkGroup();
        TokenTime token = new TokenTime();
        TokenTime sum = new TokenTime();
        long dramBytes = 0;
        long flashBytes = 0;
        long[] macsByUnit = new long[Requester.values().length];
        long[] componentBytes = new long[Component.COUNT];
        DecodeWorkTotals decodeTotals = decoder == null ? null : new DecodeWorkTotals(decoder, weightBits, timing, run.computeFormat());
        double graphSeconds = kernelUnits.containsValue(Requester.NPU) ? npuGraphSeconds() : 0;
        for (int t = 0; t < run.generate(); t++) {
            token.reset();
            int kvTokens = run.kvWindow() != null ? run.kvWindow() : run.prompt() + t;
            for (WorkGroup group : groups) group.reset();
            lowerToken(t, kvTokens, groups);
            if (decodeTotals != null) for (WorkGroup group : groups) decodeTotals.apply(group);
            for (WorkGroup group : groups) {
                if (des == null) analytic.get(group.unit).time(group, token);
                dramBytes += group.dramBytes;
                flashBytes += group.flashBytes;
                macsByUnit[group.unit.ordinal()] += group.macs;
                for (int c = 0; c < Component.COUNT; c++) componentBytes[c] += group.componentBytes[c];
            }
            if (des != null) des.time(groups, groups.length, token);
            token.compute += nodeSeconds(kernelUnits.get(KernelKind.MLP), graph.elementOps(kvTokens), 1) + graphSeconds;
            sum.add(token);
        }
        Map<String, Double> m = collect(sum, dramBytes, flashBytes, macsByUnit, componentBytes, decodeTotals);
        if (decodeTotals != null) decodeTotals.addMetrics(m, run.generate(), run.weights());
        return m;
    }

    /**
     * Seconds of one evaluated graph's nodes beyond their bytes and MACs (fork/join per node and
     * element-wise work over {@code rows} rows), as the compute model says: zero for the preset
     * tables and when compute is ignored.
     */
    private double nodeSeconds(Requester unit, long elementOps, long rows) {
        if (run.timing().compute() == TimingSpec.Compute.IGNORE) return 0;
        return compute.nodeSeconds(unit, graph.nodes(), graph.matrixProducts(), elementOps, rows);
    }

    /**
     * Seconds the NPU runtime spends outside the accelerator for one step (a decode token or a
     * prefill chunk): {@code npuGraphs} graph executions at the profile's {@code npu.graphOverhead};
     * zero when compute is ignored, as the CPU's fork/join.
     */
    private double npuGraphSeconds() {
        if (run.npuGraphs() == 0 || run.timing().compute() == TimingSpec.Compute.IGNORE) return 0;
        return run.npuGraphs() * soc.npu().graphOverhead().seconds();
    }

    /** Static groups per token: one, or one per kernel kind when the kinds run on different units. */
    private int staticGroups() {
        return splitUnits ? KernelKind.values().length : 1;
    }

    /**
     * Lowers token {@code token} into {@code groups}: first what every token reads (split by kernel
     * kind when the kinds run on different units), then the MLP method's hooks.
     */
    private void lowerToken(int token, int kvTokens, WorkGroup[] groups) {
        WorkGroup attention = groups[0];
        WorkGroup mlpGroup = splitUnits ? groups[KernelKind.MLP.ordinal()] : groups[0];
        WorkGroup head = splitUnits ? groups[KernelKind.LM_HEAD.ordinal()] : groups[0];
        attention.unit = kernelUnits.get(KernelKind.ATTENTION);
        mlpGroup.unit = kernelUnits.get(KernelKind.MLP);
        head.unit = kernelUnits.get(KernelKind.LM_HEAD);
        if (!splitUnits) groups[0].unit = kernelUnits.get(KernelKind.MLP);
        lowering.lowerStatic(kvTokens, attention, mlpGroup, head, mlp.hookedPerTokenBytes() == 0);
        mlp.lowerResident(mlpGroup);
        long streamed = placement.streamedBytesPerToken();
        if (streamed > 0) {
            mlpGroup.dramBytes -= streamed;
            mlpGroup.componentBytes[Component.MLP.ordinal()] -= streamed;
            mlpGroup.flash(Component.MLP, streamed, lowering.largestMatrixBytes(), false);
        }
        int hooks = mlp.hooksPerToken();
        for (int d = 0; d < hooks; d++) {
            WorkGroup group = groups[staticGroups() + d];
            group.unit = kernelUnits.get(KernelKind.MLP);
            mlp.lowerHook(d, token, group);
        }
    }

    private Map<String, Double> collect(TokenTime sum, long dramBytes, long flashBytes, long[] macsByUnit, long[] componentBytes,
                                        DecodeWorkTotals decodeTotals) {
        int n = run.generate();
        double seconds = sum.total() / n;
        Map<String, Double> m = new LinkedHashMap<>();
        m.put(Metrics.TOKENS_PER_SECOND, 1 / seconds);
        m.put(Metrics.MS_PER_TOKEN, seconds * 1e3);
        m.put(Metrics.MS_FLASH_IO, sum.flash / n * 1e3);
        m.put(Metrics.MS_DRAM_IO, sum.dram / n * 1e3);
        m.put(Metrics.MS_COMPUTE, sum.compute / n * 1e3);
        m.put(Metrics.MS_STALL, sum.stall / n * 1e3);
        PromptTime prefill = run.prompt() > 0 ? prefillTime() : null;
        double ttft = prefill != null ? prefill.total() : 0;
        if (prefill != null) {
            m.put(Metrics.TTFT_MS, ttft * 1e3);
            m.put(Metrics.PREFILL_TOKENS_PER_SECOND, run.prompt() / ttft);
            m.put(Metrics.PREFILL_MS_FLASH_IO, prefill.flash() * 1e3);
            m.put(Metrics.PREFILL_MS_DRAM_IO, prefill.dram() * 1e3);
            m.put(Metrics.PREFILL_MS_MACS, prefill.macs() * 1e3);
            m.put(Metrics.PREFILL_MS_FIXED, prefill.fixed() * 1e3);
        }
        m.put(Metrics.DRAM_FOOTPRINT_BYTES, (double) placement.dramFootprintBytes());
        m.put(Metrics.DRAM_BYTES_PER_TOKEN, (double) dramBytes / n);
        m.put(Metrics.FLASH_BYTES_PER_TOKEN, (double) flashBytes / n);
        if (decodeTotals != null) decodeTotals.adjustMacs(macsByUnit);
        ActionCounts counts = decodeCounts(new ActionCounts().addElapsedPs(Math.round(sum.total() * 1e12)), sum.total(),
                dramBytes, flashBytes, macsByUnit);
        EnergyModel prices = EnergyModel.fromSpec(soc);
        EnergyBreakdown e = prices.price(counts, compute::pjPerMac);
        double pjToMjPerToken = 1e-9 / n;
        double decodePj = decodeTotals == null ? 0 : decodeTotals.decodePj();
        m.put(Metrics.ENERGY_PER_TOKEN_MJ, (e.totalPj() + decodePj) * pjToMjPerToken);
        m.put(Metrics.ENERGY_DRAM_MJ, e.dramPj() * pjToMjPerToken);
        m.put(Metrics.ENERGY_FLASH_MJ, e.flashPj() * pjToMjPerToken);
        m.put(Metrics.ENERGY_COMPUTE_MJ, (e.npuMacPj() + e.cpuMacPj() + e.gpuMacPj() + decodePj) * pjToMjPerToken);
        m.put(Metrics.ENERGY_STATIC_MJ, e.staticPj() * pjToMjPerToken);
        for (Component c : Component.values()) {
            if (componentBytes[c.ordinal()] > 0) m.put("bytesPerToken." + c.metricName(), (double) componentBytes[c.ordinal()] / n);
        }
        if (run.window() != null) wholeRun(ttft, sum.total(), dramBytes, flashBytes, macsByUnit).addMetrics(m, prices, compute::pjPerMac, n);
        return m;
    }

    /** Adds the decode's bytes, MACs per unit and CPU busy time (the whole decode when any kernel runs on the CPU). */
    private ActionCounts decodeCounts(ActionCounts counts, double seconds, long dramBytes, long flashBytes, long[] macsByUnit) {
        counts.addDramBytes(dramBytes).addFlashBytes(flashBytes);
        for (Requester unit : Requester.values()) {
            if (macsByUnit[unit.ordinal()] > 0) counts.addMacs(unit, run.computeFormat(), macsByUnit[unit.ordinal()]);
        }
        if (kernelUnits.containsValue(Requester.CPU)) counts.addCpuBusyPs(Math.round(seconds * 1e12));
        return counts;
    }

    /**
     * The run's window: start-up (floor only), the cold load of the DRAM-resident weights from
     * flash at the window's request size (each byte read from flash and written to DRAM), the
     * prefill (every weight read once per chunk, the prompt's MACs on the prefill unit) and the
     * decode as simulated ({@code prefill} and {@code decodeSeconds} long).
     */
    private WholeRun wholeRun(double prefill, double decodeSeconds, long dramBytes, long flashBytes, long[] macsByUnit) {
        SocTiming timing = new SocTiming(soc, compute);
        WholeRun whole = new WholeRun();
        whole.phase(0, run.window().startupSeconds());
        long load = placement.residentWeightBytes();
        whole.phase(1, timing.flashSeconds(load, run.window().loadRequest().bytes(), false)).addFlashBytes(load).addDramBytes(load);
        ActionCounts p = whole.phase(2, prefill);
        if (run.prompt() > 0) {
            long streamed = placement.streamedBytesPerToken() * prompt.chunks();
            p.addDramBytes(prefillWeightBytes() - streamed + prompt.chunks() * prompt.kvBytesPerChunk()).addFlashBytes(streamed);
            p.addMacs(prefillUnit, run.computeFormat(), Math.round(prompt.matrixMacs()));
            p.addMacs(prefillUnit, prompt.attentionFormat(prefillUnit), Math.round(prompt.attentionMacs()));
            if (prefillUnit == Requester.CPU) p.addCpuBusyPs(Math.round(prefill * 1e12));
        }
        decodeCounts(whole.phase(3, decodeSeconds), decodeSeconds, dramBytes, flashBytes, macsByUnit);
        return whole;
    }

    /**
     * Time to first token: the prompt as matrix-matrix work on the prefill unit, in chunks of
     * {@code prefillChunk} tokens. Each chunk reads every weight once: the static weights from
     * DRAM (the streamed share from flash) and the MLP as its method says (resident and cached
     * weights from DRAM, the rest from flash, see {@link PrefillReads}), and under a static
     * {@code kvWindow} the window's KV cache; its MACs ({@link PromptWork}: the matrices at the
     * weights' rate, the attention scores in {@link PromptWork#attentionFormat}) are spread evenly
     * over the chunks; each chunk takes the larger of its
     * I/O and compute time unless compute is ignored (or their sum when serial), plus its fixed
     * costs (the CPU's fork/join per node, the NPU runtime's graph executions); split by what it
     * waits on ({@link PromptTime}).
     */
    PromptTime prefillTime() {
        SocTiming timing = new SocTiming(soc, compute);
        long p = run.prompt();
        long chunks = prompt.chunks();
        long streamed = placement.streamedBytesPerToken();
        PrefillReads reads = mlp.prefill(cacheBytes);
        long staticDram = lowering.weightBytesPerToken() - lowering.denseMlpBytes() - mlp.hookedPerTokenBytes() - streamed;
        staticDram -= Math.min(staticDram, prompt.skippedHeadBytes() / chunks);   // spread evenly: the bytes are exact, a chunk's time the mean
        double flash = timing.flashSeconds(streamed, lowering.largestMatrixBytes(), false)
                + timing.flashSeconds(reads.flashBytes(), reads.flashRequestBytes(), reads.flashRandom());
        double dram = (staticDram + reads.dramBytes() + prompt.kvBytesPerChunk()) / timing.dramBytesPerSecond(prefillUnit);
        boolean concurrent = run.timing().concurrentIo();
        double flashWait = !concurrent || flash >= dram ? chunks * flash : 0;
        double dramWait = !concurrent || dram > flash ? chunks * dram : 0;
        if (run.timing().compute() == TimingSpec.Compute.IGNORE) return new PromptTime(flashWait, dramWait, 0, 0);
        double macs = prompt.matrixMacs() / timing.macsPerSecond(prefillUnit, run.computeFormat(), run.weights(), SocTiming.Phase.PREFILL)
                + prompt.attentionMacs() / timing.macsPerSecond(prefillUnit, prompt.attentionFormat(prefillUnit), SocTiming.Phase.PREFILL);
        long chunkTokens = Math.min(p, run.prefillChunk());
        double fixed = chunks * (nodeSeconds(prefillUnit, graph.elementOps(p / 2) * chunkTokens, chunkTokens)
                + (prefillUnit == Requester.NPU ? npuGraphSeconds() : 0));
        boolean serial = run.timing().compute() == TimingSpec.Compute.SERIAL;
        if (serial) return new PromptTime(flashWait, dramWait, macs, fixed);
        return macs >= flashWait + dramWait ? new PromptTime(0, 0, macs, fixed) : new PromptTime(flashWait, dramWait, 0, fixed);
    }

    /** Seconds to first token of the run's prompt (see {@link #prefillTime()}); 0 without a prompt. */
    public double ttftSeconds() {
        return run.prompt() > 0 ? prefillTime().total() : 0;
    }

    /** MACs of the prefill: its matrices' and its attention scores' ({@link PromptWork}). */
    public double prefillMacs() {
        return prompt.matrixMacs() + prompt.attentionMacs();
    }

    /** Weight bytes the prefill reads: every weight once per chunk of {@code prefillChunk} tokens (see {@link PromptWork}). */
    public long prefillWeightBytes() {
        return prompt.weightBytes();
    }

    /** The unit that runs decode kernels of {@code kind}. */
    public Requester unitOf(KernelKind kind) {
        return kernelUnits.get(kind);
    }
}

package org.pocketsim.bench.engine;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.pocketsim.engine.decode.DecodeLowering;
import org.pocketsim.engine.decode.TraceOpener;
import org.pocketsim.engine.decode.TraceSpec;
import org.pocketsim.engine.decode.WeightPlan;
import org.pocketsim.engine.decode.WorkGroup;
import org.pocketsim.engine.decode.mlp.ExpertCacheSpec;
import org.pocketsim.engine.decode.mlp.MlpContext;
import org.pocketsim.engine.decode.mlp.MlpMethod;
import org.pocketsim.kernel.routing.CachePriorSpec;
import org.pocketsim.kernel.routing.RouterSpec;
import org.pocketsim.kernel.routing.TopKSpec;
import org.pocketsim.workload.model.ModelCatalog;
import org.pocketsim.workload.model.ModelSpec;
import org.pocketsim.workload.synth.SynthParameters;
import org.pocketsim.workload.synth.SyntheticTraces;
import org.pocketsim.workload.trace.InMemoryTrace;
import org.pocketsim.workload.trace.TensorKind;
import org.pocketsim.workload.trace.TraceShape;
import org.pocketsim.workload.trace.TraceSource;

import java.util.concurrent.TimeUnit;

/**
 * Routing plus expert-cache replay per token and MoE layer, as the decode loop runs it
 * ({@code MlpMethod.lowerHook} of {@code expert-cache}): read the router logits, route, step the
 * layer's LRU cache, count hits, track expert lifetimes (and prefetch, in that row), lower the
 * bytes. Qwen1.5-MoE-A2.7B shape (24 MoE layers, 60 experts, top-4), 30 of 60 cached, a synthetic
 * trace materialised in memory first so that trace generation is not timed. Target: < 20 us.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ExpertCacheReplayBench {

    private static final int TOKENS = 256;
    private static final int LAYERS = 24;

    @Param({"top-k", "cache-prior-0.2", "cache-prior-0.2-prefetch-2"})
    public String policy;

    private ModelSpec qwen;
    private org.pocketsim.workload.trace.TraceInfo info;
    private float[][] logitsByLayer;
    private int[][] expertsByLayer;
    private MlpMethod method;
    private final WorkGroup group = new WorkGroup();

    @Setup(Level.Trial)
    public void materialise() {
        qwen = ModelCatalog.load("qwen1.5-moe-a2.7b");
        logitsByLayer = new float[qwen.layers()][];
        expertsByLayer = new int[qwen.layers()][];
        SynthParameters params = SynthParameters.defaults(11, TOKENS).withTensors(false, true);
        try (TraceSource synthetic = SyntheticTraces.create(qwen, params, null, null)) {
            info = synthetic.info();
            float[] row = new float[qwen.moe().experts()];
            int[] ids = new int[qwen.moe().topK()];
            for (int l : qwen.moeLayers()) {
                float[] logits = new float[TOKENS * row.length];
                int[] experts = new int[TOKENS * ids.length];
                for (int t = 0; t < TOKENS; t++) {
                    synthetic.readRow(TensorKind.ROUTER_LOGITS, l, t, row);
                    System.arraycopy(row, 0, logits, t * row.length, row.length);
                    synthetic.readExperts(l, t, ids);
                    System.arraycopy(ids, 0, experts, t * ids.length, ids.length);
                }
                logitsByLayer[l] = logits;
                expertsByLayer[l] = experts;
            }
        }
        RouterSpec router = policy.equals("top-k") ? new TopKSpec(false) : new CachePriorSpec(0.2, null, null);
        Integer prefetch = policy.endsWith("prefetch-2") ? 2 : null;
        ExpertCacheSpec spec = new ExpertCacheSpec(router, "lru", 30, new TraceSpec("in-memory", false, null, null, null), prefetch, null);
        WeightPlan plan = WeightPlan.of("int4-g128", null, qwen.layers());
        method = spec.bind(new MlpContext(qwen, plan, new DecodeLowering(qwen, plan, 16), TOKENS,
                (s, m, t, a) -> TraceOpener.held(this::inMemory, TOKENS)));
    }

    /** A fresh view of the materialised trace (closing one clears it). */
    private InMemoryTrace inMemory() {
        InMemoryTrace trace = new InMemoryTrace(info, TraceShape.of(qwen));
        for (int l : qwen.moeLayers()) trace.put(TensorKind.ROUTER_LOGITS, l, logitsByLayer[l]).putExperts(l, expertsByLayer[l]);
        return trace;
    }

    @Setup(Level.Invocation)
    public void open() {
        method.open(Long.MAX_VALUE / 4, 1);
    }

    @TearDown(Level.Invocation)
    public void close() throws Exception {
        method.close();
    }

    @Benchmark
    @OperationsPerInvocation(TOKENS * LAYERS)
    public long replaySequence() {
        long bytes = 0;
        for (int t = 0; t < TOKENS; t++) {
            for (int h = 0; h < LAYERS; h++) {
                group.reset();
                method.lowerHook(h, t, group);
                bytes += group.flashBytes;
            }
        }
        return bytes;
    }
}

package org.pocketsim.bench.dip;

import org.pocketsim.engine.decode.AnalyticExecutor;
import org.pocketsim.engine.decode.DecodeLowering;
import org.pocketsim.engine.decode.SocTiming;
import org.pocketsim.engine.decode.TimingSpec;
import org.pocketsim.engine.decode.TokenTime;
import org.pocketsim.engine.decode.TraceSpec;
import org.pocketsim.engine.decode.Traces;
import org.pocketsim.engine.decode.WeightBits;
import org.pocketsim.engine.decode.WeightPlan;
import org.pocketsim.engine.decode.WorkGroup;
import org.pocketsim.engine.decode.mlp.DipSpec;
import org.pocketsim.engine.decode.mlp.MlpContext;
import org.pocketsim.engine.decode.mlp.MlpMethod;
import org.pocketsim.hw.preset.ProfileCatalog;
import org.pocketsim.hw.spec.Requester;
import org.pocketsim.workload.model.ModelCatalog;
import org.pocketsim.workload.model.ModelSpec;

import java.nio.file.Path;

/**
 * The whole per-token DIP step of a decode point, as {@code DecodeRun} runs it: Phi-3-Medium
 * (40 layers, 5120 / 17920), INT4 weights, synthetic trace (generated on demand), keep 0.5 split
 * by the optimised-DIP rule, 3 GB of column caches on the DIP reference phone in analytic mode.
 * One {@link #token()} = the static group plus 80 hooks: row generation, top-k (and DIP-CA
 * reweighting when gamma is given), norm kept, the cache step, and the analytic timing.
 */
public final class DipTokenFixture implements AutoCloseable {

    /** Tokens of the synthetic trace: more than any measurement generates. */
    private static final int TOKENS = 1_000_000;
    private static final long CACHE_BYTES = 3_000_000_000L;

    private final MlpMethod method;
    private final DecodeLowering lowering;
    private final AnalyticExecutor executor;
    private final WorkGroup[] groups;
    private final TokenTime time = new TokenTime();
    private int token;

    /**
     * @param cache  eviction policy name
     * @param gamma  DIP-CA gamma, or null for plain DIP
     */
    public DipTokenFixture(String cache, Double gamma) {
        ModelSpec model = ModelCatalog.load("phi3-medium-4k");
        WeightPlan plan = WeightPlan.of("int4-g128", null, model.layers());
        lowering = new DecodeLowering(model, plan, WeightBits.of("fp16"));
        DipSpec spec = new DipSpec(0.5, null, null, false, cache, gamma, null, null, null,
                new TraceSpec(null, true, null, null, 11L));
        method = spec.bind(new MlpContext(model, plan, lowering, TOKENS, new Traces(Path.of("."), 1)));
        method.open(CACHE_BYTES, 1);
        executor = new AnalyticExecutor(new SocTiming(ProfileCatalog.load("dip-reference-phone")),
                new TimingSpec(TimingSpec.Compute.IGNORE, true, 0, false), Requester.NPU, "int8");
        groups = new WorkGroup[method.hooksPerToken() + 1];
        for (int g = 0; g < groups.length; g++) groups[g] = new WorkGroup();
    }

    /** Simulates one more token; returns its simulated seconds (so the work cannot be dropped). */
    public double token() {
        time.reset();
        for (WorkGroup g : groups) g.reset();
        lowering.lowerStatic(128 + token, groups[0]);
        method.lowerResident(groups[0]);
        executor.time(groups[0], time);
        for (int hook = 1; hook < groups.length; hook++) {
            method.lowerHook(hook - 1, token, groups[hook]);
            executor.time(groups[hook], time);
        }
        token++;
        return time.total();
    }

    @Override
    public void close() {
        method.close();
    }
}

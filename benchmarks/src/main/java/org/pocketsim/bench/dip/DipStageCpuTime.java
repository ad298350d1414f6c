package org.pocketsim.bench.dip;

import org.pocketsim.engine.decode.DecodeLowering;
import org.pocketsim.engine.decode.WeightPlan;
import org.pocketsim.engine.memory.WeightCache;
import org.pocketsim.engine.memory.eviction.EvictionPolicies;
import org.pocketsim.kernel.sparsity.MagnitudeMasker;
import org.pocketsim.kernel.sparsity.MaskQuality;
import org.pocketsim.workload.model.ModelCatalog;
import org.pocketsim.workload.model.ModelSpec;
import org.pocketsim.workload.synth.SynthParameters;
import org.pocketsim.workload.synth.SyntheticTraces;
import org.pocketsim.workload.synth.TealThresholds;
import org.pocketsim.workload.trace.TensorKind;
import org.pocketsim.workload.trace.TraceSource;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.SplittableRandom;

/**
 * Thread CPU time per simulated token of the DIP step's stages, cumulatively: (1) synthetic row
 * generation only, (2) plus top-k, (3) plus norm kept, (4) plus the LRU cache step, on the
 * {@link DipTokenFixture} point (Phi-3-Medium, keep 0.5 split 2,940 / 6,294, 3 GB of caches).
 * {@code java -cp benchmarks.jar org.pocketsim.bench.dip.DipStageCpuTime [tokens]}.
 */
public final class DipStageCpuTime {

    private DipStageCpuTime() {
    }

    public static void main(String[] args) {
        int tokens = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        ModelSpec model = ModelCatalog.load("phi3-medium-4k");
        WeightPlan plan = WeightPlan.of("int4-g128", null, model.layers());
        int layers = model.layers();
        int hidden = model.hidden();
        int inter = model.intermediate();
        int kUp = 2940;
        int kDown = 6294;
        long perLinear = 3_000_000_000L / (3L * layers);
        int upCap = WeightCache.capacityBlocksFor(perLinear, DecodeLowering.bytes(inter, plan.bits(0, "up", hidden)), hidden);
        int downCap = WeightCache.capacityBlocksFor(perLinear, DecodeLowering.bytes(hidden, plan.bits(0, "down", inter)), inter);
        System.out.printf("up capacity %d of %d (mask %d), down capacity %d of %d (mask %d)%n", upCap, hidden, kUp, downCap, inter, kDown);
        ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        double sink = 0;
        for (int stage = 1; stage <= 4; stage++) {
            for (int round = 0; round < 2; round++) {
                TraceSource trace = SyntheticTraces.create(model, SynthParameters.defaults(11L, 100_000).withTensors(true, false),
                        TealThresholds.shipped(), null);
                SplittableRandom admission = new SplittableRandom(1);
                WeightCache[] up = new WeightCache[layers];
                WeightCache[] down = new WeightCache[layers];
                for (int l = 0; l < layers; l++) {
                    up[l] = new WeightCache(hidden, upCap, EvictionPolicies.create("lru"), admission.split());
                    down[l] = new WeightCache(inter, downCap, EvictionPolicies.create("lru"), admission.split());
                }
                MagnitudeMasker masker = new MagnitudeMasker(inter);
                float[] upRow = new float[hidden];
                float[] downRow = new float[inter];
                int[] mask = new int[inter];
                long cpu = 0;
                for (int t = 0; t < tokens + 50; t++) {
                    if (t == 50) cpu = bean.getCurrentThreadCpuTime();
                    for (int l = 0; l < layers; l++) {
                        for (int h = 0; h < 2; h++) {
                            boolean isUp = h == 0;
                            float[] row = isUp ? upRow : downRow;
                            trace.readRow(isUp ? TensorKind.MLP_IN : TensorKind.DOWN_IN, l, t, row);
                            if (stage < 2) { sink += row[t % row.length]; continue; }
                            int k = masker.select(row, row.length, isUp ? kUp : kDown, null, t, mask);
                            if (stage >= 3 && isUp) sink += MaskQuality.normKept(row, row.length, mask, k);
                            if (stage >= 4) sink += (isUp ? up[l] : down[l]).step(mask, k);
                            sink += mask[k - 1];
                        }
                    }
                }
                System.out.printf(java.util.Locale.ROOT, "stage %d: %.3f ms CPU per token%n", stage,
                        (bean.getCurrentThreadCpuTime() - cpu) / 1e6 / tokens);
                trace.close();
            }
        }
        if (sink == 42) System.out.println();
    }
}

package org.pocketsim.bench.kernel;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.pocketsim.kernel.cache.CacheView;
import org.pocketsim.kernel.routing.CachePriorRouter;
import org.pocketsim.kernel.routing.RoutingDecision;
import org.pocketsim.kernel.routing.TopKRouter;

/**
 * Routing one token at one MoE layer with 64 experts, top-8 (OLMoE / DeepSeek-class shape),
 * half the experts resident; target under 1 us for Cache-Prior. Includes the full softmax and
 * the quality proxies (mass kept, decisions changed), as the engine would run them.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class RoutingBench {

    private static final int EXPERTS = 64;
    private static final int K = 8;

    private float[][] logits;
    private int next;
    private CachePriorRouter cachePrior;
    private TopKRouter topK;
    private RoutingDecision decision;
    private CacheView halfResident;

    @Setup
    public void setup() {
        SplittableRandom rnd = new SplittableRandom(7);
        logits = new float[64][EXPERTS];
        for (float[] row : logits) for (int i = 0; i < EXPERTS; i++) row[i] = (float) (2 * rnd.nextGaussian());
        cachePrior = new CachePriorRouter(EXPERTS, K, 0.5, 2, false);
        topK = new TopKRouter(EXPERTS, K, false);
        decision = new RoutingDecision(K);
        halfResident = new CacheView() {
            @Override public boolean isResident(int block) { return block < EXPERTS / 2; }
            @Override public int residentCount() { return EXPERTS / 2; }
            @Override public int capacityBlocks() { return EXPERTS / 2; }
        };
    }

    @Benchmark
    public int cachePrior64() {
        cachePrior.route(logits[next++ & 63], null, halfResident, decision);
        return decision.experts()[0];
    }

    @Benchmark
    public int topK64() {
        topK.route(logits[next++ & 63], null, halfResident, decision);
        return decision.experts()[0];
    }
}

package org.pocketsim.bench.engine;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.pocketsim.engine.core.RandomStreams;
import org.pocketsim.engine.memory.WeightCache;
import org.pocketsim.engine.memory.eviction.EvictionPolicies;

/**
 * DIP per-token cache step at Phi-3-Medium down_proj scale: 17,920 column blocks, half of them
 * cached, masks of 3,584 columns (20 % density). Masks are a rotating set of 64 in which each
 * token keeps 70 % of the previous token's columns, so hit rates are realistic rather than 0
 * or 1. The score is steps (tokens of one layer) per second.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class WeightCacheBenchmark {

    private static final int COLUMNS = 17_920;
    private static final int MASK = 3_584;
    private static final int MASKS = 64;

    @Param({"lru", "lfu", "fifo"})
    public String policy;

    private WeightCache cache;
    private int[][] masks;
    private int next;

    @Setup
    public void setUp() {
        RandomStreams streams = new RandomStreams(7);
        SplittableRandom random = streams.stream("masks");
        masks = new int[MASKS][];
        int[] previous = random.ints(0, COLUMNS).distinct().limit(MASK).toArray();
        for (int t = 0; t < MASKS; t++) {
            boolean[] used = new boolean[COLUMNS];
            int[] mask = new int[MASK];
            int n = 0;
            for (int i = 0; i < MASK * 7 / 10; i++) {
                mask[n++] = previous[i];
                used[previous[i]] = true;
            }
            while (n < MASK) {
                int column = random.nextInt(COLUMNS);
                if (!used[column]) {
                    used[column] = true;
                    mask[n++] = column;
                }
            }
            masks[t] = mask;
            previous = mask.clone();
            for (int i = previous.length - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int swap = previous[i];
                previous[i] = previous[j];
                previous[j] = swap;
            }
        }
        cache = new WeightCache(COLUMNS, COLUMNS / 2, EvictionPolicies.create(policy), streams.stream("admission"));
    }

    @Benchmark
    public int step() {
        int[] mask = masks[next];
        next = (next + 1) % MASKS;
        return cache.step(mask, MASK);
    }
}

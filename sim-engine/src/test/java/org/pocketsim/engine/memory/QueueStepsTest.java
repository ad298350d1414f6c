package org.pocketsim.engine.memory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pocketsim.engine.memory.eviction.EvictionPolicies;

/**
 * The bitset step path of FIFO and LRU caches ({@link QueueSteps}) against the per-block policy
 * path on seeded random masks that overlap from step to step, oversized masks (random admission)
 * and single-block accesses included: hits, residents, evictions and bypasses agree at every step.
 */
class QueueStepsTest {

    static java.util.stream.LongStream seeds() {
        return java.util.stream.LongStream.range(0, 80);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void bitsetStepsMatchThePerBlockPolicyPath(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int blocks = 1 + random.nextInt(seed % 4 == 0 ? 700 : 130);
        int capacity = random.nextInt(blocks + 1);
        int maxMask = 1 + random.nextInt(blocks);
        for (String name : new String[] {"lru", "fifo", "none"}) {
            WeightCache fast = new WeightCache(blocks, capacity, EvictionPolicies.create(name), new SplittableRandom(seed + 7));
            WeightCache slow = new WeightCache(blocks, capacity, EvictionPolicies.create(name), new SplittableRandom(seed + 7), true);
            int[] previous = new int[0];
            for (int t = 0; t < 400; t++) {
                if (t == 250) {
                    fast.reset();
                    slow.reset();
                }
                boolean single = t % 9 == 4;
                if (single) {
                    int block = random.nextInt(blocks);
                    assertThat(fast.access(block)).as("%s access at %d", name, t).isEqualTo(slow.access(block));
                } else {
                    int[] mask = overlapping(random, blocks, 1 + random.nextInt(maxMask), previous);
                    previous = mask;
                    assertThat(fast.step(mask.clone(), mask.length)).as("%s hits at %d", name, t)
                            .isEqualTo(slow.step(mask.clone(), mask.length));
                }
                assertThat(fast.residentCount()).isEqualTo(slow.residentCount());
                int differs = -1;
                for (int b = 0; b < blocks && differs < 0; b++) {
                    if (fast.isResident(b) != slow.isResident(b) || fast.residentBit(b) != (slow.isResident(b) ? 1 : 0)) differs = b;
                }
                assertThat(differs).as("%s: first block resident in one path only, at step %d", name, t).isEqualTo(-1);
                assertThat(fast.evictions()).isEqualTo(slow.evictions());
                assertThat(fast.bypasses()).isEqualTo(slow.bypasses());
                assertThat(fast.stepCount()).isEqualTo(slow.stepCount());
            }
        }
    }

    /** A mask of {@code size} distinct blocks in random order, about half of them from {@code previous}. */
    private static int[] overlapping(SplittableRandom random, int blocks, int size, int[] previous) {
        boolean[] taken = new boolean[blocks];
        int[] mask = new int[size];
        int n = 0;
        for (int p : previous) {
            if (n < size && random.nextBoolean() && !taken[p]) {
                taken[p] = true;
                mask[n++] = p;
            }
        }
        while (n < size) {
            int b = random.nextInt(blocks);
            if (!taken[b]) {
                taken[b] = true;
                mask[n++] = b;
            }
        }
        for (int i = size - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = mask[i];
            mask[i] = mask[j];
            mask[j] = swap;
        }
        return mask;
    }
}

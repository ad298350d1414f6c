package org.pocketsim.engine.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.pocketsim.engine.memory.eviction.BeladyPolicy;
import org.pocketsim.engine.memory.eviction.EvictionPolicy;
import org.pocketsim.engine.memory.eviction.FifoPolicy;
import org.pocketsim.engine.memory.eviction.FutureAccesses;
import org.pocketsim.engine.memory.eviction.LfuPolicy;
import org.pocketsim.engine.memory.eviction.LruPolicy;
import org.pocketsim.engine.memory.eviction.FrozenPolicy;

/**
 * The DIP reference per-token step: count hits, then write the mask in, evicting only blocks
 * outside the mask. Masks below on 8 blocks, capacity 4; hit counts worked by hand.
 */
class WeightCacheTest {

    private static final int[][] MASKS = {{0, 1, 2}, {4, 3, 2, 1}, {5, 0}, {1, 3}, {4, 5}};

    @Test
    void lruStepsEvictTheLeastRecentBlocksOutsideTheMaskLowestIdFirstOnTies() {
        // t1: 4 evicts 0. t2: 1..4 all last used at t1, so 0 evicts 1 and 5 evicts 2.
        // t3: 1 evicts 4 (t1, older than 0 and 5 at t2). t4: 5 hits, 4 evicts 0 (t2).
        WeightCache cache = cache(new LruPolicy());
        assertThat(runSteps(cache)).containsExactly(0, 2, 0, 1, 1);
        assertResident(cache, 1, 3, 4, 5);
    }

    @Test
    void lfuStepsAlwaysAdmitTheMaskAndEvictTheFewestUsesOutsideIt() {
        // t2: 3 and 4 have 1 use (1 and 2 have 2): 0 evicts 3, 5 evicts 4.
        // t3: 1 hits, 3 (2 uses) evicts 5 (1 use). t4: 4 and 5 both miss.
        WeightCache cache = cache(new LfuPolicy());
        assertThat(runSteps(cache)).containsExactly(0, 2, 0, 1, 0);
        assertResident(cache, 1, 3, 4, 5);
    }

    @Test
    void beladyStepsEvictTheFurthestNextUseOutsideTheMask() {
        // t2: 2 is never used again and goes for 0; 4 (next t4) goes for 5. t3: both hit.
        // t4: 5 hits; 0, 1, 3 are never used again, 0 (lowest id) evicted for 4.
        BeladyPolicy belady = new BeladyPolicy();
        belady.prepare(FutureAccesses.ofMasks(MASKS));
        WeightCache cache = cache(belady);
        assertThat(runSteps(cache)).containsExactly(0, 2, 0, 2, 1);
        assertResident(cache, 1, 3, 4, 5);
    }

    @Test
    void fifoStepsSkipOldBlocksThatAreInTheCurrentMask() {
        // t3: 3 is the oldest but in the mask, so 1 evicts 4. t4: 5 hits, 4 evicts 3.
        WeightCache cache = cache(new FifoPolicy());
        assertThat(runSteps(cache)).containsExactly(0, 2, 0, 1, 1);
        assertResident(cache, 0, 1, 4, 5);
    }

    @Test
    void frozenStepsFillTheCacheOnceAndThenBypass() {
        WeightCache cache = cache(new FrozenPolicy());
        assertThat(runSteps(cache)).containsExactly(0, 2, 1, 2, 0);
        assertResident(cache, 0, 1, 2, 3);
        // 4 at t1, 5 at t2, 4 and 5 at t4
        assertThat(cache.bypasses()).isEqualTo(4);
    }

    @Test
    void theFirstTokenOfASequenceReadsItsWholeMaskFromFlash() {
        WeightCache cache = cache(new LruPolicy());
        runSteps(cache);
        cache.reset();
        assertThat(cache.residentCount()).isZero();
        assertThat(cache.step(new int[] {0, 1, 3}, 3)).isZero();
        assertThat(cache.stepCount()).isEqualTo(1);
    }

    @Test
    void aMaskLargerThanTheCacheAdmitsASeededRandomSubsetOfItsNewBlocks() {
        int[] mask = {0, 1, 2, 3, 4, 5};
        WeightCache cache = new WeightCache(8, 4, new LruPolicy(), new SplittableRandom(11));
        cache.step(new int[] {7, 2}, 2);
        assertThat(cache.step(mask, 6)).isEqualTo(1);
        assertThat(cache.residentCount()).isEqualTo(4);
        assertThat(cache.isResident(2)).isTrue();
        assertThat(cache.isResident(7)).isFalse();
        assertThat(cache.step(mask, 6)).isEqualTo(4);
        assertThat(residentSet(cache)).isEqualTo(residentSet(replayOversized(11)));
        boolean anyDiffers = false;
        for (long seed = 12; seed < 20 && !anyDiffers; seed++) {
            anyDiffers = residentSet(replayOversized(seed)) != residentSet(replayOversized(11));
        }
        assertThat(anyDiffers).isTrue();
    }

    @Test
    void hitAndMissTotalsCountBlocks() {
        WeightCache cache = cache(new LruPolicy());
        runSteps(cache);
        assertThat(cache.hits()).isEqualTo(4);
        assertThat(cache.misses()).isEqualTo(13 - 4);
        assertThat(cache.evictions()).isEqualTo(5);
    }

    @Test
    void stepsAllocateNothingOnceWarm() {
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        SplittableRandom random = new SplittableRandom(3);
        int[][] masks = new int[32][];
        for (int t = 0; t < masks.length; t++) {
            masks[t] = random.ints(0, 4096).distinct().limit(300).toArray();
        }
        for (EvictionPolicy policy : new EvictionPolicy[] {new LruPolicy(), new LfuPolicy(), new FifoPolicy()}) {
            WeightCache cache = new WeightCache(4096, 1024, policy, new SplittableRandom(1));
            for (int round = 0; round < 5; round++) {
                for (int[] mask : masks) {
                    cache.step(mask, mask.length);
                }
            }
            long before = threads.getCurrentThreadAllocatedBytes();
            for (int[] mask : masks) {
                cache.step(mask, mask.length);
            }
            assertThat(threads.getCurrentThreadAllocatedBytes() - before).as(policy.name()).isZero();
        }
    }

    @Test
    void capacityInBlocksIsTheBytesBudgetRoundedDown() {
        assertThat(WeightCache.capacityBlocksFor(10_000, 3_000, 100)).isEqualTo(3);
        assertThat(WeightCache.capacityBlocksFor(10_000_000, 3_000, 100)).isEqualTo(100);
    }

    @Test
    void badMasksAndSizesAreRejected() {
        WeightCache cache = cache(new LruPolicy());
        assertThatThrownBy(() -> cache.step(new int[] {1, 1}, 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("block 1 twice");
        assertThatThrownBy(() -> cache.step(new int[] {8}, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("block 8 outside 0..7");
        assertThat(cache.step(new int[] {1, 2}, 2)).as("a rejected mask leaves no trace").isZero();
        assertThat(cache.stepCount()).isEqualTo(1);
        assertThatThrownBy(() -> new WeightCache(8, 9, new LruPolicy(), new SplittableRandom(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("capacityBlocks");
    }

    private static WeightCache cache(EvictionPolicy policy) {
        return new WeightCache(8, 4, policy, new SplittableRandom(1));
    }

    private static int[] runSteps(WeightCache cache) {
        int[] hits = new int[MASKS.length];
        for (int t = 0; t < MASKS.length; t++) {
            hits[t] = cache.step(MASKS[t], MASKS[t].length);
        }
        return hits;
    }

    private static WeightCache replayOversized(long seed) {
        WeightCache cache = new WeightCache(8, 4, new LruPolicy(), new SplittableRandom(seed));
        cache.step(new int[] {7, 2}, 2);
        cache.step(new int[] {0, 1, 2, 3, 4, 5}, 6);
        return cache;
    }

    private static int residentSet(WeightCache cache) {
        int bits = 0;
        for (int b = 0; b < cache.numBlocks(); b++) {
            bits |= cache.isResident(b) ? 1 << b : 0;
        }
        return bits;
    }

    private static void assertResident(WeightCache cache, int... blocks) {
        int expected = 0;
        for (int b : blocks) {
            expected |= 1 << b;
        }
        assertThat(Integer.toBinaryString(residentSet(cache))).isEqualTo(Integer.toBinaryString(expected));
    }
}

package org.pocketsim.engine.memory.eviction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.pocketsim.engine.memory.WeightCache;

/**
 * Every policy on the same access string (capacity 3, blocks A..G), expected hit/miss strings
 * worked by hand; the trace of each is in the comments.
 */
class EvictionPolicyAccessStringTest {

    private static final String ACCESSES = "ABCADBEAFBACGAB";

    @Test
    void noneCachesNothingSoEveryAccessMissesWhateverTheCapacity() {
        // the DIP reference's no_cache: every access is read from flash
        assertThat(run(new NoCachePolicy(), ACCESSES, 3)).isEqualTo("MMMMMMMMMMMMMMM");
        assertThat(run(new NoCachePolicy(), ACCESSES, 26)).isEqualTo("MMMMMMMMMMMMMMM");
    }

    @Test
    void frozenFreezesTheFirstThreeBlocks() {
        // {A,B,C} stay; D, E, F, G always bypass.
        assertThat(run(new FrozenPolicy(), ACCESSES, 3)).isEqualTo("MMMHMHMHMHHHMHH");
    }

    @Test
    void fifoEvictsTheOldestInsertedBlockIgnoringHits() {
        // D evicts A, E evicts B, A evicts C, F evicts D, B evicts E, C evicts A, G evicts F, A evicts B, B evicts C.
        assertThat(run(new FifoPolicy(), ACCESSES, 3)).isEqualTo("MMMHMHMMMMHMMMM");
    }

    @Test
    void lruEvictsTheLeastRecentlyUsedBlock() {
        // D evicts B, B evicts C, E evicts A, A evicts D, F evicts B, B evicts E, C evicts F, G evicts B, B evicts C.
        assertThat(run(new LruPolicy(), ACCESSES, 3)).isEqualTo("MMMHMMMMMMHMMHM");
    }

    @Test
    void lfuEvictsTheLeastFrequentlyUsedBlockWithCountsKeptAcrossEviction() {
        // D evicts B (1 use, older than C), B (now 2 uses) evicts C, E evicts D, F evicts E,
        // C evicts F, G evicts C (2 uses against A 4, B 3).
        assertThat(run(new LfuPolicy(), ACCESSES, 3)).isEqualTo("MMMHMMMHMHHMMHH");
    }

    @Test
    void lfuBreaksCountTiesByLeastRecentUse() {
        // A, B, C have one use each when D arrives: A is the oldest, then B when A returns.
        assertThat(run(new LfuPolicy(), "ABCDAB", 3)).isEqualTo("MMMMMM");
        assertThat(run(new LfuPolicy(), "ABCADB", 3)).isEqualTo("MMMHMM");
    }

    @Test
    void beladyEvictsTheBlockUsedFurthestInTheFuture() {
        // D evicts C (next use 12), E evicts D (never), F evicts E (never), C evicts F (never), G evicts C (never).
        BeladyPolicy belady = new BeladyPolicy();
        belady.prepare(FutureAccesses.ofSingleBlocks(blocks(ACCESSES)));
        assertThat(run(belady, ACCESSES, 3)).isEqualTo("MMMHMHMHMHHMMHH");
    }

    @Test
    void beladyBreaksTiesAmongBlocksNeverUsedAgainByLowestId() {
        // At D, A, B and C are never used again: A (lowest id) goes, then B for E; C survives.
        String accesses = "ABCDEC";
        BeladyPolicy belady = new BeladyPolicy();
        belady.prepare(FutureAccesses.ofSingleBlocks(blocks(accesses)));
        assertThat(run(belady, accesses, 3)).isEqualTo("MMMMMH");
    }

    @Test
    void beladyMissesNoMoreThanAnyOtherDemandPolicyOnTheSameString() {
        // Only policies that admit every miss compete: "frozen" may bypass and so beat the oracle.
        BeladyPolicy belady = new BeladyPolicy();
        belady.prepare(FutureAccesses.ofSingleBlocks(blocks(ACCESSES)));
        long beladyMisses = misses(run(belady, ACCESSES, 3));
        for (String name : new String[] {"fifo", "lru", "lfu"}) {
            assertThat(beladyMisses).isLessThanOrEqualTo(misses(run(EvictionPolicies.create(name), ACCESSES, 3)));
        }
    }

    @Test
    void aCacheOfCapacityZeroMissesEverything() {
        assertThat(run(new LruPolicy(), "AAB", 0)).isEqualTo("MMM");
    }

    @Test
    void theRegistryKnowsEveryPolicyByNameAndRejectsOthers() {
        for (String name : EvictionPolicies.names()) {
            assertThat(EvictionPolicies.create(name).name()).isEqualTo(name);
        }
        assertThat(EvictionPolicies.names()).containsExactly("none", "frozen", "lru", "lfu", "fifo", "belady");
        assertThatThrownBy(() -> EvictionPolicies.create("mru"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown eviction policy 'mru'");
    }

    @Test
    void beladyWithoutAFutureIsAnError() {
        assertThatThrownBy(() -> new WeightCache(4, 2, new BeladyPolicy(), new SplittableRandom(1)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("prepare()");
    }

    static String run(EvictionPolicy policy, String accesses, int capacity) {
        WeightCache cache = new WeightCache(26, capacity, policy, new SplittableRandom(1));
        StringBuilder result = new StringBuilder();
        for (int block : blocks(accesses)) {
            result.append(cache.access(block) ? 'H' : 'M');
        }
        return result.toString();
    }

    static int[] blocks(String accesses) {
        return accesses.chars().map(c -> c - 'A').toArray();
    }

    private static long misses(String hitMiss) {
        return hitMiss.chars().filter(c -> c == 'M').count();
    }
}

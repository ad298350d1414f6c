package org.pocketsim.engine.memory.eviction;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pocketsim.engine.memory.WeightCache;

/**
 * Each policy against a direct, slow restatement of its documented rule, on random masks that
 * overlap from token to token: hit counts and resident sets must agree at every step. The fixed
 * cases pin one setting; the seeded cases vary blocks, capacity and mask sizes for every
 * policy of the registry ({@code none}, no cache, and {@code frozen}, filled once, included).
 */
class PolicyModelEquivalenceTest {

    private static final int BLOCKS = 40;
    private static final int CAPACITY = 12;
    private static final int STEPS = 300;

    @Test
    void lruMatchesOldestLastUseThenLowestId() {
        check("lru", new LruPolicy(), BLOCKS, CAPACITY, masks(17, BLOCKS, STEPS, 2, 10));
    }

    @Test
    void fifoMatchesOldestInsertionThenLowestId() {
        check("fifo", new FifoPolicy(), BLOCKS, CAPACITY, masks(17, BLOCKS, STEPS, 2, 10));
    }

    @Test
    void lfuMatchesFewestUsesThenOldestLastUseThenLowestId() {
        check("lfu", new LfuPolicy(), BLOCKS, CAPACITY, masks(17, BLOCKS, STEPS, 2, 10));
    }

    @Test
    void beladyMatchesFurthestNextUseThenLowestId() {
        check("belady", new BeladyPolicy(), BLOCKS, CAPACITY, masks(17, BLOCKS, STEPS, 2, 10));
    }

    /**
     * Property: every registered policy agrees with its rule on seeded random access strings,
     * block counts (1..64), capacities (0..all blocks, the cache full or empty) and mask sizes
     * (1 block, as single accesses, up to the capacity).
     */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void everyPolicyMatchesItsRuleOnRandomAccessStringsAndCapacities(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int blocks = 1 + random.nextInt(64);
        int capacity = random.nextInt(blocks + 1);
        int maxMask = Math.max(1, Math.min(capacity, 1 + random.nextInt(blocks)));
        int[][] masks = masks(random.nextLong(), blocks, 1 + random.nextInt(200), 1, maxMask);
        for (String name : EvictionPolicies.names()) {
            check(name, EvictionPolicies.create(name), blocks, capacity, masks);
        }
    }

    static java.util.stream.LongStream seeds() {
        return java.util.stream.LongStream.range(0, 60);
    }

    private static void check(String rule, EvictionPolicy policy, int blocks, int capacity, int[][] masks) {
        if (policy instanceof BeladyPolicy belady) belady.prepare(FutureAccesses.ofMasks(masks));
        WeightCache cache = new WeightCache(blocks, capacity, policy, new SplittableRandom(1));
        Model model = new Model(rule, masks, capacity);
        for (int t = 0; t < masks.length; t++) {
            int expectedHits = model.step(t);
            assertThat(cache.step(masks[t].clone(), masks[t].length)).as("%s hits at step %d", rule, t).isEqualTo(expectedHits);
            TreeSet<Integer> resident = new TreeSet<>();
            for (int b = 0; b < blocks; b++) {
                if (cache.isResident(b)) {
                    resident.add(b);
                }
            }
            assertThat(resident).as("%s residents after step %d", rule, t).isEqualTo(model.resident);
        }
    }

    /** Masks of minSize..maxSize distinct blocks, about half carried over from the previous token. */
    private static int[][] masks(long seed, int blocks, int steps, int minSize, int maxSize) {
        SplittableRandom random = new SplittableRandom(seed);
        int[][] masks = new int[steps][];
        List<Integer> previous = new ArrayList<>();
        for (int t = 0; t < steps; t++) {
            int size = minSize + random.nextInt(maxSize - minSize + 1);
            TreeSet<Integer> mask = new TreeSet<>();
            for (int b : previous) {
                if (mask.size() < size && random.nextBoolean()) {
                    mask.add(b);
                }
            }
            while (mask.size() < size) {
                mask.add(random.nextInt(blocks));
            }
            previous = new ArrayList<>(mask);
            java.util.Collections.shuffle(previous, new java.util.Random(random.nextLong()));
            masks[t] = previous.stream().mapToInt(Integer::intValue).toArray();
        }
        return masks;
    }

    /** The documented rules, restated with sets and maps. */
    private static final class Model {

        final String rule;
        final int[][] masks;
        final int capacity;
        final TreeSet<Integer> resident = new TreeSet<>();
        final Map<Integer, Integer> lastUse = new HashMap<>();
        final Map<Integer, Integer> inserted = new HashMap<>();
        final Map<Integer, Integer> uses = new HashMap<>();

        Model(String rule, int[][] masks, int capacity) {
            this.rule = rule;
            this.masks = masks;
            this.capacity = capacity;
        }

        int step(int t) {
            TreeSet<Integer> mask = new TreeSet<>();
            for (int b : masks[t]) {
                mask.add(b);
            }
            int hits = 0;
            for (int b : mask) {
                uses.merge(b, 1, Integer::sum);
                if (resident.contains(b)) {
                    hits++;
                }
            }
            for (int b : mask) {
                if (resident.contains(b)) {
                    lastUse.put(b, t);
                    continue;
                }
                if (rule.equals("none")) {
                    continue; // no cache: every block is read from flash, nothing is held
                }
                if (resident.size() == capacity) {
                    int victim = -1;
                    for (int r : resident) {
                        if (!rule.equals("frozen") && !mask.contains(r) && (victim < 0 || before(r, victim, t))) {
                            victim = r;
                        }
                    }
                    if (victim < 0) {
                        continue; // nothing may be evicted: the block bypasses the cache
                    }
                    resident.remove(victim);
                }
                resident.add(b);
                lastUse.put(b, t);
                inserted.put(b, t);
            }
            return hits;
        }

        /** Whether resident block a is evicted before b (a < b in id when all else ties). */
        boolean before(int a, int b, int t) {
            long ka;
            long kb;
            switch (rule) {
                case "lru" -> { ka = lastUse.get(a); kb = lastUse.get(b); }
                case "fifo" -> { ka = inserted.get(a); kb = inserted.get(b); }
                case "lfu" -> { ka = uses.get(a) * 1_000_000L + lastUse.get(a); kb = uses.get(b) * 1_000_000L + lastUse.get(b); }
                default -> { ka = -nextUse(a, t); kb = -nextUse(b, t); }
            }
            return ka < kb || (ka == kb && a < b);
        }

        long nextUse(int block, int t) {
            for (int s = t + 1; s < masks.length; s++) {
                for (int b : masks[s]) {
                    if (b == block) {
                        return s;
                    }
                }
            }
            return Long.MAX_VALUE / 2;
        }
    }
}

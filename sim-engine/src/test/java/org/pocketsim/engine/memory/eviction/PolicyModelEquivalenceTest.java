package org.pocketsim.engine.memory.eviction;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.pocketsim.engine.memory.WeightCache;

/**
 * Each policy against a direct, slow restatement of its documented rule, on random masks that
 * overlap from token to token: hit counts and resident sets must agree at every step.
 */
class PolicyModelEquivalenceTest {

    private static final int BLOCKS = 40;
    private static final int CAPACITY = 12;
    private static final int STEPS = 300;

    @Test
    void lruMatchesOldestLastUseThenLowestId() {
        check("lru", new LruPolicy());
    }

    @Test
    void fifoMatchesOldestInsertionThenLowestId() {
        check("fifo", new FifoPolicy());
    }

    @Test
    void lfuMatchesFewestUsesThenOldestLastUseThenLowestId() {
        check("lfu", new LfuPolicy());
    }

    @Test
    void beladyMatchesFurthestNextUseThenLowestId() {
        BeladyPolicy belady = new BeladyPolicy();
        belady.prepare(FutureAccesses.ofMasks(masks()));
        check("belady", belady);
    }

    private static void check(String rule, EvictionPolicy policy) {
        int[][] masks = masks();
        WeightCache cache = new WeightCache(BLOCKS, CAPACITY, policy, new SplittableRandom(1));
        Model model = new Model(rule, masks);
        for (int t = 0; t < masks.length; t++) {
            int expectedHits = model.step(t);
            assertThat(cache.step(masks[t], masks[t].length)).as("%s hits at step %d", rule, t).isEqualTo(expectedHits);
            TreeSet<Integer> resident = new TreeSet<>();
            for (int b = 0; b < BLOCKS; b++) {
                if (cache.isResident(b)) {
                    resident.add(b);
                }
            }
            assertThat(resident).as("%s residents after step %d", rule, t).isEqualTo(model.resident);
        }
    }

    /** Masks of 2..10 blocks, about half carried over from the previous token. */
    private static int[][] masks() {
        SplittableRandom random = new SplittableRandom(17);
        int[][] masks = new int[STEPS][];
        List<Integer> previous = new ArrayList<>();
        for (int t = 0; t < STEPS; t++) {
            TreeSet<Integer> mask = new TreeSet<>();
            for (int b : previous) {
                if (random.nextBoolean()) {
                    mask.add(b);
                }
            }
            int size = 2 + random.nextInt(9);
            while (mask.size() < size) {
                mask.add(random.nextInt(BLOCKS));
            }
            previous = new ArrayList<>(mask);
            masks[t] = previous.stream().mapToInt(Integer::intValue).toArray();
        }
        return masks;
    }

    /** The documented rules, restated with sets and maps. */
    private static final class Model {

        final String rule;
        final int[][] masks;
        final TreeSet<Integer> resident = new TreeSet<>();
        final Map<Integer, Integer> lastUse = new HashMap<>();
        final Map<Integer, Integer> inserted = new HashMap<>();
        final Map<Integer, Integer> uses = new HashMap<>();

        Model(String rule, int[][] masks) {
            this.rule = rule;
            this.masks = masks;
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
                if (resident.size() == CAPACITY) {
                    int victim = -1;
                    for (int r : resident) {
                        if (!mask.contains(r) && (victim < 0 || before(r, victim, t))) {
                            victim = r;
                        }
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

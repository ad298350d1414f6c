package org.pocketsim.engine.memory;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.pocketsim.engine.memory.eviction.EvictionPolicy;
import org.pocketsim.engine.memory.eviction.QueueOrder;
import org.pocketsim.engine.memory.eviction.StepMembership;
import org.pocketsim.kernel.cache.CacheView;

/**
 * DRAM-resident subset of one weight set split into equal-size blocks (the columns of one
 * masked linear layer, or the experts of one MoE layer), with a pluggable eviction policy.
 *
 * <p>One step is either a single-block access ({@link #access}) or, as in the DIP reference
 * simulator, one token's mask ({@link #step}): first the hits are counted (mask blocks
 * resident before the token), then the mask is written into the cache, evicting blocks that
 * are never blocks of the current step. If the mask is larger than the capacity, the cache
 * ends up holding the mask's resident blocks plus a uniformly random subset (from the seeded
 * admission stream) of its new blocks, as many as fit. A step's blocks are processed in
 * ascending id, which fixes the policies' tie-breaks. Nothing is allocated per step.
 *
 * <p>FIFO and LRU caches (and any cache of capacity 0) run whole steps on bitsets
 * ({@link QueueSteps}) rather than calling the policy per block: the same hits, residents and
 * evictions on far less memory traffic, which is what the DIP replay's per-token cost was made of.
 */
public final class WeightCache implements CacheView, StepMembership {

    /** Masks at least this long and at least 1/SCAN_SHARE of the blocks are ordered by a scan. */
    private static final int SCAN_MIN_MASK = 256;
    private static final int SCAN_SHARE = 16;

    private final int numBlocks;
    private final int capacityBlocks;
    private final EvictionPolicy policy;
    private final RandomAdmission admission;
    /** The bitset path, or null: then the per-block arrays below hold the state. */
    private final QueueSteps queue;
    private final int[] single = new int[1];

    private final boolean[] resident;
    private final long[] memberStep;
    private final int[] sorted;
    private final int[] fresh;
    private int residentCount;
    private long step;

    private long hits;
    private long misses;
    private long evictions;
    private long bypasses;

    /**
     * @param numBlocks       blocks in the weight set (ids 0..numBlocks-1)
     * @param capacityBlocks  blocks that fit in the cache's DRAM share (0 = caches nothing; a
     *                        policy that holds no blocks, {@code none}, makes it 0)
     * @param policy          eviction policy; owned by this cache from now on
     * @param admission       seeded stream for the random admission of oversized masks
     */
    public WeightCache(int numBlocks, int capacityBlocks, EvictionPolicy policy, SplittableRandom admission) {
        this(numBlocks, capacityBlocks, policy, admission, false);
    }

    /** As above; {@code perBlock} forces the per-block policy path (tests compare the two paths). */
    WeightCache(int numBlocks, int capacityBlocks, EvictionPolicy policy, SplittableRandom admission, boolean perBlock) {
        if (numBlocks <= 0) {
            throw new IllegalArgumentException("cache needs numBlocks > 0, got " + numBlocks);
        }
        if (capacityBlocks < 0 || capacityBlocks > numBlocks) {
            throw new IllegalArgumentException("cache capacityBlocks must be in 0.." + numBlocks + ", got " + capacityBlocks);
        }
        if (policy == null || admission == null) {
            throw new IllegalArgumentException("cache needs an eviction policy and an admission random stream");
        }
        this.numBlocks = numBlocks;
        this.capacityBlocks = policy.holdsBlocks() ? capacityBlocks : 0;
        this.policy = policy;
        this.admission = new RandomAdmission(admission, numBlocks);
        QueueOrder order = this.capacityBlocks == 0 ? QueueOrder.BY_INSERT : policy.queueOrder();
        this.queue = perBlock || order == null ? null : new QueueSteps(numBlocks, this.capacityBlocks, order, this.admission);
        boolean blocks = queue == null;
        this.resident = blocks ? new boolean[numBlocks] : null;
        this.memberStep = blocks ? new long[numBlocks] : null;
        this.sorted = blocks ? new int[numBlocks] : null;
        this.fresh = blocks ? new int[numBlocks] : null;
        reset();
    }

    /** Blocks of {@code blockBytes} that fit in {@code capacityBytes} (rounded down), at most numBlocks. */
    public static int capacityBlocksFor(long capacityBytes, long blockBytes, int numBlocks) {
        if (capacityBytes < 0 || blockBytes <= 0) {
            throw new IllegalArgumentException("cache needs capacityBytes >= 0 and blockBytes > 0, got "
                    + capacityBytes + " and " + blockBytes);
        }
        return (int) Math.min(numBlocks, capacityBytes / blockBytes);
    }

    /** Empties the cache and the policy's state for a new sequence; the step count restarts at 0. */
    public void reset() {
        step = 0;
        if (queue != null) {
            queue.reset();
            return;
        }
        Arrays.fill(resident, false);
        Arrays.fill(memberStep, -1);
        residentCount = 0;
        step = 0;
        policy.reset(numBlocks, capacityBlocks);
    }

    /** Accesses one block as one step; true on a hit. A miss admits the block (policy permitting). */
    public boolean access(int block) {
        if (queue != null) {
            single[0] = checkBlock(block);
            return step(single, 1) == 1;
        }
        sorted[0] = checkBlock(block);
        memberStep[block] = step;
        return process(1) == 1;
    }

    /**
     * One token's step over {@code mask[0..n)} (distinct block ids, any order; ascending order, as
     * the top-k selector writes it, skips the sort): returns the number of hits; the n - hits
     * misses are read from flash. Afterwards the mask is in the cache.
     */
    public int step(int[] mask, int n) {
        if (n < 0 || n > mask.length || n > numBlocks) {
            throw new IllegalArgumentException("mask length " + n + " outside 0.." + Math.min(mask.length, numBlocks));
        }
        if (queue != null) {
            int stepHits = queue.step(mask, n);
            hits += stepHits;
            misses += n - stepHits;
            evictions += queue.lastEvictions;
            bypasses += queue.lastBypasses;
            step++;
            return stepHits;
        }
        boolean ascending = true;
        int previous = -1;
        for (int i = 0; i < n; i++) {
            int block = mask[i];
            ascending &= block > previous;
            previous = block;
            if (block < 0 || block >= numBlocks || memberStep[block] == step) {
                for (int j = 0; j < i; j++) {
                    memberStep[mask[j]] = -1;
                }
                throw new IllegalArgumentException(block < 0 || block >= numBlocks
                        ? "block " + block + " outside 0.." + (numBlocks - 1)
                        : "mask holds block " + block + " twice");
            }
            memberStep[block] = step;
        }
        if (ascending) {
            System.arraycopy(mask, 0, sorted, 0, n);
        } else {
            sortMask(mask, n);
        }
        return process(n);
    }

    /**
     * Puts the mask in ascending order into {@code sorted}: by scanning the step stamps when the
     * mask is a sizeable share of the blocks (O(numBlocks), never allocates), else by sorting a
     * copy (small masks, where the JDK sort allocates nothing).
     */
    private void sortMask(int[] mask, int n) {
        if (n >= SCAN_MIN_MASK && (long) n * SCAN_SHARE >= numBlocks) {
            int k = 0;
            for (int block = 0; block < numBlocks; block++) {
                if (memberStep[block] == step) {
                    sorted[k++] = block;
                }
            }
            return;
        }
        System.arraycopy(mask, 0, sorted, 0, n);
        Arrays.sort(sorted, 0, n);
    }

    private int process(int n) {
        long now = step;
        int stepHits = 0;
        int freshCount = 0;
        for (int i = 0; i < n; i++) {
            int block = sorted[i];
            if (resident[block]) {
                stepHits++;
                policy.onHit(block, now);
            } else {
                fresh[freshCount++] = block;
            }
        }
        int admit = freshCount;
        if (n > capacityBlocks) {
            admit = Math.max(0, capacityBlocks - stepHits);
            admission.chooseSubset(fresh, freshCount, admit);
        }
        for (int i = 0; i < admit; i++) {
            admitBlock(fresh[i], now);
        }
        bypasses += freshCount - admit;
        hits += stepHits;
        misses += n - stepHits;
        step++;
        return stepHits;
    }

    private void admitBlock(int block, long now) {
        if (residentCount == capacityBlocks) {
            int victim = capacityBlocks == 0 ? -1 : policy.victim(now, this);
            if (victim < 0) {
                bypasses++;
                return;
            }
            if (!resident[victim] || memberStep[victim] == now) {
                throw new IllegalStateException("policy " + policy.name() + " chose block " + victim
                        + ", which is not an evictable resident");
            }
            resident[victim] = false;
            residentCount--;
            evictions++;
            policy.onRemove(victim);
        }
        resident[block] = true;
        residentCount++;
        policy.onInsert(block, now);
    }

    private int checkBlock(int block) {
        if (block < 0 || block >= numBlocks) {
            throw new IllegalArgumentException("block " + block + " outside 0.." + (numBlocks - 1));
        }
        return block;
    }

    @Override
    public boolean inCurrentStep(int block) {
        return queue == null && memberStep[block] == step;
    }

    @Override
    public boolean isResident(int block) {
        return queue != null ? queue.isResident(checkBlock(block)) : resident[checkBlock(block)];
    }

    @Override
    public int residentBit(int block) {
        checkBlock(block);
        return queue != null ? queue.residentBit(block) : resident[block] ? 1 : 0;
    }

    @Override
    public int residentCount() {
        return queue != null ? queue.residentCount() : residentCount;
    }

    @Override
    public int capacityBlocks() {
        return capacityBlocks;
    }

    public int numBlocks() {
        return numBlocks;
    }

    /** Steps since the last reset. */
    public long stepCount() {
        return step;
    }

    /** Hits since construction (across resets). */
    public long hits() {
        return hits;
    }

    /** Misses since construction: blocks read from flash. */
    public long misses() {
        return misses;
    }

    /** Blocks evicted since construction. */
    public long evictions() {
        return evictions;
    }

    /** Missed blocks that were not admitted (no room, refused by the policy, or oversized mask). */
    public long bypasses() {
        return bypasses;
    }

    public EvictionPolicy policy() {
        return policy;
    }
}

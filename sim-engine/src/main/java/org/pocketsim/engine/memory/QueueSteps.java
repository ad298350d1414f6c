package org.pocketsim.engine.memory;

import org.pocketsim.engine.memory.eviction.QueueOrder;

/**
 * FIFO and LRU caches run a whole step at a time on bitsets (the fast path of
 * {@link WeightCache}; its per-block policy path is the reference this one is tested against).
 *
 * <p>State: the resident set as one bit per block, and the residents grouped by the step that
 * queued them (inserted, or for LRU last used), oldest group first: the queue order (step, then
 * block id) is the group order, then the bit order within a group. A step of mask M: hits are
 * popcount(M and resident); under LRU the hits leave their old groups (a word-wise and-not over
 * the live groups); the victims are the lowest bits of the oldest groups, skipping M (FIFO keeps
 * hits in place); the step's group is its hits and admitted blocks (LRU) or its admitted blocks
 * (FIFO). A step costs O(mask + live groups x blocks / 64) on a few kilobytes of state, instead of
 * several policy calls per mask block on arrays of ints and longs per block. Group arrays are
 * reused; the ring of groups grows only when more groups are live than ever before.
 */
final class QueueSteps {

    private final int numBlocks;
    private final int words;
    private final int capacity;
    private final boolean moveOnHit;
    private final RandomAdmission admission;
    private final long[] resident;
    private final long[] mask;
    private final long[] admitted;
    private final int[] fresh;

    /** Groups in queue order occupy slots [head, tail); a slot keeps its array when it empties. */
    private long[][] groups = new long[8][];
    private int[] counts = new int[8];
    private int head;
    private int tail;
    private int residentCount;

    /** Counters of the last step. */
    int lastEvictions;
    int lastBypasses;

    QueueSteps(int numBlocks, int capacity, QueueOrder order, RandomAdmission admission) {
        this.numBlocks = numBlocks;
        this.words = (numBlocks + 63) >>> 6;
        this.capacity = capacity;
        this.moveOnHit = order == QueueOrder.BY_LAST_USE;
        this.admission = admission;
        this.resident = new long[words];
        this.mask = new long[words];
        this.admitted = new long[words];
        this.fresh = new int[numBlocks];
    }

    void reset() {
        java.util.Arrays.fill(resident, 0L);
        for (int g = head; g < tail; g++) counts[g] = 0;
        head = 0;
        tail = 0;
        residentCount = 0;
    }

    boolean isResident(int block) {
        return (resident[block >>> 6] & (1L << block)) != 0;
    }

    int residentBit(int block) {
        return (int) (resident[block >>> 6] >>> block) & 1;
    }

    int residentCount() {
        return residentCount;
    }

    /**
     * One step over the distinct blocks {@code blocks[0..n)} (any order): returns the hits and
     * sets {@link #lastEvictions} and {@link #lastBypasses}. A bad mask throws and leaves no trace.
     */
    int step(int[] blocks, int n) {
        long[] m = mask;
        for (int i = 0; i < n; i++) {
            int block = blocks[i];
            boolean outside = block < 0 || block >= numBlocks;
            if (outside || (m[block >>> 6] & (1L << block)) != 0) {
                java.util.Arrays.fill(m, 0L);
                throw new IllegalArgumentException(outside
                        ? "block " + block + " outside 0.." + (numBlocks - 1)
                        : "mask holds block " + block + " twice");
            }
            m[block >>> 6] |= 1L << block;
        }
        long[] r = resident;
        int hits = 0;
        for (int w = 0; w < words; w++) hits += Long.bitCount(m[w] & r[w]);
        int freshCount = n - hits;
        int admit = freshCount;
        boolean oversized = n > capacity;
        if (oversized) {
            admit = Math.max(0, capacity - hits);
            chooseAdmitted(freshCount, admit);
        }
        if (moveOnHit && hits > 0) leaveOldGroups();
        int evict = Math.max(0, residentCount + admit - capacity);
        lastEvictions = evict;
        if (evict > 0) evictOldest(evict);
        long[] a = oversized ? admitted : null;
        int groupCount = moveOnHit ? hits + admit : admit;
        long[] group = groupCount > 0 ? pushGroup(groupCount) : null;
        for (int w = 0; w < words; w++) {
            long in = oversized ? a[w] : m[w] & ~r[w];
            if (group != null) group[w] = moveOnHit ? (m[w] & r[w]) | in : in;
            r[w] |= in;
            m[w] = 0L;
        }
        residentCount += admit - evict;
        lastBypasses = freshCount - admit;
        return hits;
    }

    /** The admitted subset of an oversized mask's new blocks, drawn as the per-block path draws it. */
    private void chooseAdmitted(int freshCount, int admit) {
        int c = 0;
        for (int w = 0; w < words; w++) {
            long f = mask[w] & ~resident[w];
            while (f != 0) {
                fresh[c++] = (w << 6) + Long.numberOfTrailingZeros(f);
                f &= f - 1;
            }
        }
        admission.chooseSubset(fresh, freshCount, admit);
        java.util.Arrays.fill(admitted, 0L);
        for (int i = 0; i < admit; i++) admitted[fresh[i] >>> 6] |= 1L << fresh[i];
    }

    /** LRU: the step's hits leave the groups they were queued in. */
    private void leaveOldGroups() {
        long[] m = mask;
        for (int g = head; g < tail; g++) {
            if (counts[g] == 0) continue;
            long[] bits = groups[g];
            int left = counts[g];
            for (int w = 0; w < words; w++) {
                long both = bits[w] & m[w];
                if (both != 0) {
                    bits[w] ^= both;
                    left -= Long.bitCount(both);
                }
            }
            counts[g] = left;
        }
    }

    /** Evicts the {@code evict} oldest residents outside the mask: oldest group first, lowest id first. */
    private void evictOldest(int evict) {
        long[] m = mask;
        long[] r = resident;
        for (int g = head; g < tail && evict > 0; g++) {
            if (counts[g] == 0) continue;
            long[] bits = groups[g];
            int left = counts[g];
            for (int w = 0; w < words && evict > 0; w++) {
                long candidates = moveOnHit ? bits[w] : bits[w] & ~m[w];
                if (candidates == 0) continue;
                int take = Long.bitCount(candidates);
                if (take > evict) {
                    long keep = candidates;
                    for (int i = 0; i < evict; i++) keep &= keep - 1;
                    candidates ^= keep;
                    take = evict;
                }
                bits[w] ^= candidates;
                r[w] ^= candidates;
                left -= take;
                evict -= take;
            }
            counts[g] = left;
        }
        while (head < tail && counts[head] == 0) head++;
        if (evict > 0) throw new IllegalStateException("queue holds fewer evictable residents than the step needs");
    }

    /** The youngest group's array, for the caller to fill; empty groups are compacted away first. */
    private long[] pushGroup(int count) {
        if (tail == groups.length) compactGroups();
        long[] bits = groups[tail];
        if (bits == null) {
            bits = new long[words];
            groups[tail] = bits;
        }
        counts[tail++] = count;
        return bits;
    }

    /** Moves the non-empty groups to the front in order (arrays swapped, not copied); grows the ring when over half full. */
    private void compactGroups() {
        int out = 0;
        for (int g = head; g < tail; g++) {
            if (counts[g] == 0) continue;
            long[] swap = groups[out];
            groups[out] = groups[g];
            groups[g] = swap;
            counts[out++] = counts[g];
        }
        for (int g = out; g < tail; g++) counts[g] = 0;
        head = 0;
        tail = out;
        if (tail * 2 > groups.length) {
            groups = java.util.Arrays.copyOf(groups, groups.length * 2);
            counts = java.util.Arrays.copyOf(counts, counts.length * 2);
        }
    }
}

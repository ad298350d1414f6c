package org.pocketsim.engine.core;

import java.util.Arrays;

/**
 * Monotone priority queue of (time, slot) entries for the scheduler: a radix heap. Simulated
 * time never goes backwards, so every key added is at least the last key removed ("base").
 * An entry sits in bucket 0 if its time equals the base, else in bucket k = 1 + index of the
 * highest bit in which its time differs from the base. Removing from an empty bucket 0 finds
 * the smallest non-empty bucket, makes its minimum time the new base and redistributes its
 * entries into lower buckets; each entry moves at most 64 times and usually a few, and all
 * moves are sequential array scans, which is what makes large populations fast.
 *
 * <p>Bucket 0 (all entries at the base time) is a binary heap on the slots' packed
 * (phase, sequence) order, so removal follows the scheduler's total order exactly.
 */
final class RadixEventQueue {

    private static final int BUCKETS = 65;
    private static final int INITIAL_BUCKET = 16;

    private final long[][] times = new long[BUCKETS][];
    private final int[][] slots = new int[BUCKETS][];
    private final int[] sizes = new int[BUCKETS];
    /** Bit b-1 set when bucket b (1..64) is non-empty. */
    private long nonEmpty;
    private int[] zeroHeap = new int[INITIAL_BUCKET];
    private int zeroSize;
    private long[] order;
    private long baseTimePs;
    private int size;

    RadixEventQueue(long[] slotOrder) {
        this.order = slotOrder;
        for (int b = 1; b < BUCKETS; b++) {
            times[b] = new long[INITIAL_BUCKET];
            slots[b] = new int[INITIAL_BUCKET];
        }
    }

    /** The scheduler's slot-order table, after it has grown. */
    void setOrder(long[] slotOrder) {
        this.order = slotOrder;
    }

    int size() {
        return size;
    }

    /** Adds an entry; {@code timePs} must be >= the last removed time. */
    void add(long timePs, int slot) {
        size++;
        place(timePs, slot);
    }

    /**
     * Makes the earliest entry removable if its time is <= {@code boundPs} and returns that
     * time; otherwise returns Long.MAX_VALUE and changes nothing (so later additions below the
     * bound stay legal).
     */
    long minTimeAtMost(long boundPs) {
        if (zeroSize > 0) {
            return baseTimePs;
        }
        if (nonEmpty == 0) {
            return Long.MAX_VALUE;
        }
        int b = Long.numberOfTrailingZeros(nonEmpty) + 1;
        long[] bucketTimes = times[b];
        int[] bucketSlots = slots[b];
        int n = sizes[b];
        long min = Long.MAX_VALUE;
        for (int i = 0; i < n; i++) {
            min = Math.min(min, bucketTimes[i]);
        }
        if (min > boundPs) {
            return Long.MAX_VALUE;
        }
        baseTimePs = min;
        sizes[b] = 0;
        nonEmpty &= ~(1L << (b - 1));
        for (int i = 0; i < n; i++) {
            place(bucketTimes[i], bucketSlots[i]);
        }
        return min;
    }

    /** Removes the earliest entry; call only after {@link #minTimeAtMost} returned its time. */
    int removeMin() {
        int top = zeroHeap[0];
        size--;
        int last = zeroHeap[--zeroSize];
        if (zeroSize > 0) {
            siftDown(last);
        }
        return top;
    }

    private void place(long timePs, int slot) {
        if (timePs == baseTimePs) {
            pushZero(slot);
            return;
        }
        int b = 64 - Long.numberOfLeadingZeros(timePs ^ baseTimePs);
        int n = sizes[b];
        if (n == times[b].length) {
            times[b] = Arrays.copyOf(times[b], n * 2);
            slots[b] = Arrays.copyOf(slots[b], n * 2);
        }
        times[b][n] = timePs;
        slots[b][n] = slot;
        sizes[b] = n + 1;
        nonEmpty |= 1L << (b - 1);
    }

    private void pushZero(int slot) {
        if (zeroSize == zeroHeap.length) {
            zeroHeap = Arrays.copyOf(zeroHeap, zeroSize * 2);
        }
        int pos = zeroSize++;
        long key = order[slot];
        while (pos > 0) {
            int parent = (pos - 1) >> 1;
            if (order[zeroHeap[parent]] <= key) {
                break;
            }
            zeroHeap[pos] = zeroHeap[parent];
            pos = parent;
        }
        zeroHeap[pos] = slot;
    }

    private void siftDown(int slot) {
        long key = order[slot];
        int pos = 0;
        while (true) {
            int child = 2 * pos + 1;
            if (child >= zeroSize) {
                break;
            }
            if (child + 1 < zeroSize && order[zeroHeap[child + 1]] < order[zeroHeap[child]]) {
                child++;
            }
            if (order[zeroHeap[child]] >= key) {
                break;
            }
            zeroHeap[pos] = zeroHeap[child];
            pos = child;
        }
        zeroHeap[pos] = slot;
    }
}

package org.pocketsim.engine.core;

import java.util.Arrays;

/**
 * Monotone priority queue of scheduler entries: a radix heap. An entry is three longs, time,
 * order (the packed (phase, sequence) tie-breaker) and ref (an opaque word: the scheduler's slot
 * and payload), stored together, so everything needed to order and fire an event travels in
 * the entry and the queue never looks anything up elsewhere.
 *
 * <p>Simulated time never goes backwards, so every time added is at least the last time removed
 * ("base"). An entry sits in bucket 0 if its time equals the base, else in bucket k = 1 + index
 * of the highest bit in which its time differs from the base. Removing from an empty bucket 0
 * finds the smallest non-empty bucket, makes its minimum time the new base and redistributes its
 * entries into lower buckets; each entry moves at most 64 times and usually a few, and all moves
 * are sequential scans of one interleaved array per bucket, which is what makes large
 * populations fast.
 *
 * <p>Bucket 0 (all entries at the base time) is a binary heap on the order word, so removal
 * follows the scheduler's total order exactly.
 */
final class RadixEventQueue {

    private static final int BUCKETS = 65;
    /** Longs per bucket entry: time, order, ref. */
    private static final int STRIDE = 3;
    private static final int INITIAL_ENTRIES = 16;

    /** Bucket b (1..64): entries interleaved as time, order, ref. */
    private final long[][] buckets = new long[BUCKETS][];
    /** Number of longs in use in each bucket (a multiple of STRIDE). */
    private final int[] used = new int[BUCKETS];
    /** Bit b-1 set when bucket b (1..64) is non-empty. */
    private long nonEmpty;
    /** Bucket 0: a binary heap of entries at the base time, as (order, ref) pairs. */
    private long[] zeroHeap = new long[2 * INITIAL_ENTRIES];
    private int zeroSize;
    private long baseTimePs;
    private int size;
    private long removedOrder;

    RadixEventQueue() {
        for (int b = 1; b < BUCKETS; b++) {
            buckets[b] = new long[STRIDE * INITIAL_ENTRIES];
        }
    }

    int size() {
        return size;
    }

    /** Adds an entry; {@code timePs} must be >= the last removed time. */
    void add(long timePs, long order, long ref) {
        size++;
        place(timePs, order, ref);
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
        long[] bucket = buckets[b];
        int n = used[b];
        long min = Long.MAX_VALUE;
        for (int i = 0; i < n; i += STRIDE) {
            min = Math.min(min, bucket[i]);
        }
        if (min > boundPs) {
            return Long.MAX_VALUE;
        }
        baseTimePs = min;
        used[b] = 0;
        nonEmpty &= ~(1L << (b - 1));
        for (int i = 0; i < n; i += STRIDE) {
            place(bucket[i], bucket[i + 1], bucket[i + 2]);
        }
        return min;
    }

    /**
     * Removes the earliest entry and returns its ref; its order word is then available from
     * {@link #removedOrder}. Call only after {@link #minTimeAtMost} returned its time.
     */
    long removeMin() {
        long[] heap = zeroHeap;
        removedOrder = heap[0];
        long ref = heap[1];
        size--;
        int last = 2 * --zeroSize;
        if (zeroSize > 0) {
            siftDown(heap[last], heap[last + 1]);
        }
        return ref;
    }

    /** Order word of the entry last returned by {@link #removeMin}. */
    long removedOrder() {
        return removedOrder;
    }

    private void place(long timePs, long order, long ref) {
        if (timePs == baseTimePs) {
            pushZero(order, ref);
            return;
        }
        int b = 64 - Long.numberOfLeadingZeros(timePs ^ baseTimePs);
        long[] bucket = buckets[b];
        int n = used[b];
        if (n == bucket.length) {
            bucket = Arrays.copyOf(bucket, n * 2);
            buckets[b] = bucket;
        }
        bucket[n] = timePs;
        bucket[n + 1] = order;
        bucket[n + 2] = ref;
        used[b] = n + STRIDE;
        nonEmpty |= 1L << (b - 1);
    }

    private void pushZero(long order, long ref) {
        if (2 * zeroSize == zeroHeap.length) {
            zeroHeap = Arrays.copyOf(zeroHeap, zeroHeap.length * 2);
        }
        long[] heap = zeroHeap;
        int pos = zeroSize++;
        while (pos > 0) {
            int parent = (pos - 1) >> 1;
            if (heap[2 * parent] <= order) {
                break;
            }
            heap[2 * pos] = heap[2 * parent];
            heap[2 * pos + 1] = heap[2 * parent + 1];
            pos = parent;
        }
        heap[2 * pos] = order;
        heap[2 * pos + 1] = ref;
    }

    private void siftDown(long order, long ref) {
        long[] heap = zeroHeap;
        int pos = 0;
        while (true) {
            int child = 2 * pos + 1;
            if (child >= zeroSize) {
                break;
            }
            if (child + 1 < zeroSize && heap[2 * child + 2] < heap[2 * child]) {
                child++;
            }
            if (heap[2 * child] >= order) {
                break;
            }
            heap[2 * pos] = heap[2 * child];
            heap[2 * pos + 1] = heap[2 * child + 1];
            pos = child;
        }
        heap[2 * pos] = order;
        heap[2 * pos + 1] = ref;
    }
}

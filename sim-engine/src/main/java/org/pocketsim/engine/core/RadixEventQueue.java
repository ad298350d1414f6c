package org.pocketsim.engine.core;

import java.util.Arrays;

/**
 * Monotone priority queue of scheduler entries: a radix heap. An entry is three longs, time,
 * order (the packed (phase, sequence) tie-breaker) and ref (an opaque word: the scheduler's slot
 * and payload), stored together, so everything needed to order and fire an event travels in
 * the entry and the queue never looks anything up elsewhere.
 *
 * <p>Simulated time never goes backwards, so every time added is at least the last time removed.
 * Entries below {@code limitPs} sit in the front, a binary heap on (time, order), so removal
 * follows the scheduler's total order exactly. Every other entry sits in the bucket named by the
 * highest 4-bit digit in which its time differs from the base (a time at most every pending
 * time) and that digit's value; bucket index order is time order. When the front runs dry, the
 * smallest non-empty bucket either becomes the front whole (few entries; the limit becomes the
 * end of its range) or gets its minimum as the new base and is redistributed into lower levels.
 * An entry moves at most 16 times and in practice two or three, and all moves are sequential
 * scans of one interleaved array per bucket, which is what makes large populations fast.
 */
final class RadixEventQueue {

    /** Bits per digit: buckets split time by 4-bit digits, 16 digit levels of 16 values. */
    private static final int DIGIT_BITS = 4;
    private static final int DIGIT_VALUES = 1 << DIGIT_BITS;
    private static final int LEVELS = (64 + DIGIT_BITS - 1) / DIGIT_BITS;
    private static final int BUCKETS = LEVELS * DIGIT_VALUES;
    /** Longs per bucket entry: time, order, ref. */
    private static final int STRIDE = 3;
    private static final int INITIAL_ENTRIES = 16;
    /** A bucket with at most this many entries goes into the front heap whole, not redistributed. */
    private static final int DUMP_ENTRIES = 16;

    /** Entries interleaved as time, order, ref; bucket level * DIGIT_VALUES + value. */
    private final long[][] buckets = new long[BUCKETS][];
    /** Number of longs in use in each bucket (a multiple of STRIDE). */
    private final int[] used = new int[BUCKETS];
    /** Bit b % 64 of word b / 64 set when bucket b is non-empty. */
    private final long[] nonEmpty = new long[(BUCKETS + 63) / 64];
    /**
     * The front: a binary heap on (time, order) of every entry with time below {@link #limitPs},
     * interleaved as time, order, ref. Every bucket entry is at or above the limit.
     */
    private long[] front = new long[STRIDE * INITIAL_ENTRIES];
    private int frontSize;
    private long limitPs = 1;
    private long baseTimePs;
    private int size;
    private long removedOrder;
    /** The scheduler's per-slot table, read ahead for entries entering the front (see warm). */
    private Object[] slotTable;
    /** Count of null table entries seen while warming; kept so the reads are not optimised away. */
    private int warmNulls;

    RadixEventQueue() {
        Arrays.fill(buckets, new long[0]);
    }

    /**
     * Sets the table indexed by the slot in the high half of each ref (none by default). When a bucket becomes the
     * front, the queue reads each of its entries' table element: the scheduler will read them as
     * the events fire, and fetching them together lets their cache misses overlap instead of
     * costing one full miss per fired event.
     */
    void setSlotTable(Object[] table) {
        this.slotTable = table;
    }

    private void warm(long[] bucket, int n) {
        Object[] table = slotTable;
        if (table == null) {
            return;
        }
        int nulls = 0;
        for (int i = 2; i < n; i += STRIDE) {
            if (table[(int) (bucket[i] >>> 32)] == null) {
                nulls++;
            }
        }
        warmNulls += nulls;
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
        if (frontSize > 0) {
            long t = front[0];
            return t <= boundPs ? t : Long.MAX_VALUE;
        }
        return refill(boundPs);
    }

    /**
     * With the front empty: takes the smallest non-empty bucket if its minimum is within the
     * bound, and either makes it the front (few entries) or redistributes it below a new base.
     */
    private long refill(long boundPs) {
        if (size == 0) {
            return Long.MAX_VALUE;
        }
        int w = 0;
        while (nonEmpty[w] == 0) {
            w++;
        }
        int b = 64 * w + Long.numberOfTrailingZeros(nonEmpty[w]);
        long[] bucket = buckets[b];
        int n = used[b];
        long min = Long.MAX_VALUE;
        for (int i = 0; i < n; i += STRIDE) {
            min = Math.min(min, bucket[i]);
        }
        if (min > boundPs) {
            return Long.MAX_VALUE;
        }
        used[b] = 0;
        nonEmpty[w] &= ~(1L << b);
        if (n <= STRIDE * DUMP_ENTRIES) {
            limitPs = bucketEnd(b);
            for (int i = 0; i < n; i += STRIDE) {
                pushFront(bucket[i], bucket[i + 1], bucket[i + 2]);
            }
            warm(bucket, n);
        } else {
            baseTimePs = min;
            limitPs = min + 1;
            for (int i = 0; i < n; i += STRIDE) {
                place(bucket[i], bucket[i + 1], bucket[i + 2]);
            }
        }
        return min;
    }

    /**
     * End (exclusive) of bucket b's time range: every entry outside the front is at or above the
     * end of the smallest non-empty bucket, so that bucket can become the front whole.
     */
    private long bucketEnd(int b) {
        int shift = DIGIT_BITS * (b / DIGIT_VALUES);
        long value = b % DIGIT_VALUES;
        long high = shift + DIGIT_BITS >= 64 ? 0 : (baseTimePs >>> (shift + DIGIT_BITS)) << (shift + DIGIT_BITS);
        long end = high + ((value + 1) << shift);
        return end <= 0 ? Long.MAX_VALUE : end;
    }

    /**
     * Removes the earliest entry and returns its ref; its order word is then available from
     * {@link #removedOrder}. Call only after {@link #minTimeAtMost} returned its time.
     */
    long removeMin() {
        long[] heap = front;
        removedOrder = heap[1];
        long ref = heap[2];
        size--;
        int last = STRIDE * --frontSize;
        if (frontSize > 0) {
            siftDown(heap[last], heap[last + 1], heap[last + 2]);
        }
        return ref;
    }

    /** Order word of the entry last returned by {@link #removeMin}. */
    long removedOrder() {
        return removedOrder;
    }

    /**
     * Puts an entry in the front if it is below the limit, else in the bucket of the highest digit
     * in which its time differs from the base and that digit's value: buckets in index order hold
     * ever later times, and every entry of a bucket shares its digits above that one with the base.
     */
    private void place(long timePs, long order, long ref) {
        if (timePs < limitPs) {
            pushFront(timePs, order, ref);
            return;
        }
        int level = (63 - Long.numberOfLeadingZeros(timePs ^ baseTimePs)) / DIGIT_BITS;
        int shift = DIGIT_BITS * level;
        int b = (level << DIGIT_BITS) | (int) ((timePs >>> shift) & (DIGIT_VALUES - 1));
        long[] bucket = buckets[b];
        int n = used[b];
        if (n == bucket.length) {
            bucket = growBucket(b);
        }
        bucket[n] = timePs;
        bucket[n + 1] = order;
        bucket[n + 2] = ref;
        used[b] = n + STRIDE;
        nonEmpty[b >> 6] |= 1L << b;
    }

    private long[] growBucket(int b) {
        long[] bucket = Arrays.copyOf(buckets[b], Math.max(STRIDE * INITIAL_ENTRIES, 2 * used[b]));
        buckets[b] = bucket;
        return bucket;
    }

    private void pushFront(long timePs, long order, long ref) {
        if (STRIDE * frontSize == front.length) {
            front = Arrays.copyOf(front, front.length * 2);
        }
        long[] heap = front;
        int pos = frontSize++;
        while (pos > 0) {
            int parent = (pos - 1) >> 1;
            int p = STRIDE * parent;
            long parentTime = heap[p];
            if (parentTime < timePs || parentTime == timePs && heap[p + 1] <= order) {
                break;
            }
            int q = STRIDE * pos;
            heap[q] = parentTime;
            heap[q + 1] = heap[p + 1];
            heap[q + 2] = heap[p + 2];
            pos = parent;
        }
        int q = STRIDE * pos;
        heap[q] = timePs;
        heap[q + 1] = order;
        heap[q + 2] = ref;
    }

    private void siftDown(long timePs, long order, long ref) {
        long[] heap = front;
        int n = frontSize;
        int pos = 0;
        while (true) {
            int child = 2 * pos + 1;
            if (child >= n) {
                break;
            }
            int c = STRIDE * child;
            if (child + 1 < n && before(heap[c + 3], heap[c + 4], heap[c], heap[c + 1])) {
                child++;
                c += STRIDE;
            }
            if (!before(heap[c], heap[c + 1], timePs, order)) {
                break;
            }
            int q = STRIDE * pos;
            heap[q] = heap[c];
            heap[q + 1] = heap[c + 1];
            heap[q + 2] = heap[c + 2];
            pos = child;
        }
        int q = STRIDE * pos;
        heap[q] = timePs;
        heap[q + 1] = order;
        heap[q + 2] = ref;
    }

    /** Whether entry (t1, o1) comes strictly before (t2, o2) in (time, order). */
    private static boolean before(long t1, long o1, long t2, long o2) {
        return t1 < t2 || t1 == t2 && o1 < o2;
    }
}

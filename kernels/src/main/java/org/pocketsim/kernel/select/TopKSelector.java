package org.pocketsim.kernel.select;

/**
 * O(n) top-k selection over float scores by radix select on an order-preserving integer key
 * (a 12-bit first digit over all elements, then short refining digits over the threshold
 * bucket only), with no full sort and no allocation per call.
 *
 * <p>Contract: {@code select} writes the indices of the {@code k} largest scores into the
 * caller-owned {@code out[0..k)} in ascending index order and returns {@code k}. The result is
 * exactly the first {@code k} elements of the order (score descending, index ascending): among
 * equal scores the lower index wins, so results are deterministic and independent of the
 * platform. Scores compare as {@link Float#compare} does ({@code -0.0 < +0.0}); NaN is rejected
 * with an exception naming its (first) index.
 *
 * <p>Cost: one keying pass filling a 4096-bin histogram of the key's top 12 bits (NaN is
 * detected from the few extreme buckets, not per element); one pass that appends every index
 * above the threshold bucket to {@code out} branch-free and lists the bucket's own few indices;
 * two short radix digits over that bucket giving the exact k-th key and its last tie taken;
 * block moves inserting the chosen bucket indices at the slots noted during that pass. Worst
 * case is linear in n whatever the data (unlike quickselect).
 * One instance owns its scratch arrays and is not thread-safe; size it for the widest layer.
 */
public final class TopKSelector {

    private static final int DIGIT_BITS = 12;
    private static final int BINS = 1 << DIGIT_BITS;

    private final int[] keys;
    private final int[] candidates;
    private final int[] slots;
    private final int[] refined;
    private final int[] histogram = new int[BINS];

    /** A selector for vectors of up to {@code capacity} elements. */
    public TopKSelector(int capacity) {
        if (capacity < 1) throw new IllegalArgumentException("TopKSelector capacity must be at least 1, got " + capacity);
        keys = new int[capacity];
        candidates = new int[capacity];
        slots = new int[capacity];
        refined = new int[capacity];
    }

    public int capacity() {
        return keys.length;
    }

    /** Indices of the {@code k} largest of {@code scores[0..n)}, ascending, into {@code out}. */
    public int select(float[] scores, int n, int k, int[] out) {
        check(scores.length, n, k, out);
        int[] hist = clearedHistogram();
        int[] key = keys;
        for (int i = 0; i < n; i++) {
            int bits = Float.floatToRawIntBits(scores[i]);
            // signed order-preserving key: negatives get their magnitude bits flipped, so -0.0 < +0.0
            int signedKey = bits ^ ((bits >> 31) & 0x7FFFFFFF);
            key[i] = signedKey;
            // the bucket: the key's top 12 bits by arithmetic shift, moved to 0..4095
            hist[(signedKey >> 20) + 0x800]++;
        }
        // NaNs and infinities land in the 8 lowest and 8 highest buckets only
        if (occupied(hist, 0, 8) || occupied(hist, BINS - 8, BINS)) rejectNaN(scores, n);
        return selectKeys(n, k, out, 20, 0x800);
    }

    /** Indices of the {@code k} largest of {@code |values[0..n)|}, ascending, into {@code out}. */
    public int selectAbs(float[] values, int n, int k, int[] out) {
        check(values.length, n, k, out);
        int[] hist = clearedHistogram();
        int[] key = keys;
        for (int i = 0; i < n; i++) {
            // |x| as raw bits orders like |x| itself for non-NaN; 31 bits, so the top 12 are >>> 19
            int magnitude = Float.floatToRawIntBits(values[i]) & 0x7FFFFFFF;
            key[i] = magnitude;
            hist[magnitude >>> 19]++;
        }
        // NaNs and infinities land in the 16 highest buckets only
        if (occupied(hist, BINS - 16, BINS)) rejectNaN(values, n);
        return selectKeys(n, k, out, 19, 0);
    }

    /**
     * NaN detection without a per-element reduction in the keying loop (a max or OR chain costs
     * more than the loop's other work): the few extreme buckets that can hold a NaN are checked,
     * and only when they are occupied (NaN, infinity) are the scores scanned.
     */
    private static boolean occupied(int[] hist, int from, int to) {
        int sum = 0;
        for (int b = from; b < to; b++) sum |= hist[b];
        return sum != 0;
    }

    private static void rejectNaN(float[] scores, int n) {
        for (int i = 0; i < n; i++) {
            if (Float.isNaN(scores[i])) {
                throw new IllegalArgumentException("score at index " + i + " is NaN; top-k needs ordered scores");
            }
        }
    }

    private int[] clearedHistogram() {
        java.util.Arrays.fill(histogram, 0);
        return histogram;
    }

    private void check(int length, int n, int k, int[] out) {
        if (n < 0 || n > length) throw new IllegalArgumentException("n = " + n + " outside the score array of length " + length);
        if (n > keys.length) throw new IllegalArgumentException("n = " + n + " exceeds selector capacity " + keys.length);
        if (k < 0 || k > n) throw new IllegalArgumentException("k = " + k + " must be within [0, n = " + n + "]");
        if (out.length < k) throw new IllegalArgumentException("output array of length " + out.length + " cannot hold k = " + k);
    }

    /**
     * keys[0..n) are signed-order keys whose bucket ({@code (key >> shift) + offset}, 12 bits)
     * histogram is built. Finds the threshold bucket from the top; one pass keeps
     * everything above it in {@code out} and lists the bucket's own indices; the bucket is refined
     * to the exact k-th key and its last tie taken, and the chosen few are merged into {@code out}.
     */
    private int selectKeys(int n, int k, int[] out, int shift, int offset) {
        if (k == 0) return 0;
        if (k == n) {
            for (int i = 0; i < n; i++) out[i] = i;
            return n;
        }
        int[] key = keys;
        int[] cand = candidates;
        int[] slot = slots;
        int[] hist = histogram;
        int need = k;
        int bin = BINS - 1;
        while (hist[bin] < need) need -= hist[bin--];
        // The boundary bucket as the arithmetic-shifted key (monotone in the key).
        int boundary = bin - offset;
        // Sure ones (above the boundary bucket, k - need < k of them, so writes stay in bounds)
        // by a branch-free append: (boundary - high) >> 31 is -1 exactly when high > boundary
        // (both fit 12 bits, no overflow). The boundary bucket holds a few percent of the
        // elements, so its branch is predictable; each candidate notes its slot in the sure list.
        int sure = 0;
        int count = 0;
        for (int i = 0; i < n; i++) {
            int high = key[i] >> shift;
            out[sure] = i;
            sure -= (boundary - high) >> 31;
            if (high == boundary) {
                cand[count] = i;
                slot[count++] = sure;
            }
        }
        int lastTie = refine(count, need, shift);
        int threshold = key[lastTie];
        // Chosen candidates: key above the threshold, or equal to it up to the last tie taken.
        int chosen = 0;
        for (int c = 0; c < count; c++) {
            int idx = cand[c];
            cand[chosen] = idx;
            slot[chosen] = slot[c];
            int ki = key[idx];
            chosen += ki > threshold || (ki == threshold && idx <= lastTie) ? 1 : 0;
        }
        return merge(out, sure, chosen);
    }

    /**
     * Inserts the chosen {@code candidates[0..chosen)} into the ascending sure indices
     * {@code out[0..sure)}, each at its noted slot, from the back: the sure block above a
     * candidate moves up in one arraycopy, so every index moves once.
     */
    private int merge(int[] out, int sure, int chosen) {
        int[] cand = candidates;
        int[] slot = slots;
        int end = sure;
        for (int c = chosen - 1; c >= 0; c--) {
            int pos = slot[c];
            System.arraycopy(out, pos, out, pos + c + 1, end - pos);
            out[pos + c] = cand[c];
            end = pos;
        }
        return sure + chosen;
    }

    /**
     * Among the {@code count} boundary-bucket candidates (index order), finds the {@code need}-th
     * in rank order (key descending, index ascending) by two radix digits over the bits below
     * {@code shift}, and returns its index: the last element of the selection in rank order.
     */
    private int refine(int count, int need, int shift) {
        int[] key = keys;
        int[] cand = candidates;
        int[] hist = histogram;
        int lowBits = shift - 10;
        int lowMask = (1 << lowBits) - 1;
        java.util.Arrays.fill(hist, 0, 1024, 0);
        for (int c = 0; c < count; c++) hist[(key[cand[c]] >>> lowBits) & 0x3FF]++;
        int bin = 1023;
        while (hist[bin] < need) need -= hist[bin--];
        int middle = bin;
        // List the candidates sharing the middle digit (branch-free), then the last digit.
        int[] same = refined;
        int matching = 0;
        for (int c = 0; c < count; c++) {
            int idx = cand[c];
            same[matching] = idx;
            matching += ((key[idx] >>> lowBits) & 0x3FF) == middle ? 1 : 0;
        }
        java.util.Arrays.fill(hist, 0, lowMask + 1, 0);
        for (int c = 0; c < matching; c++) hist[key[same[c]] & lowMask]++;
        bin = lowMask;
        while (hist[bin] < need) need -= hist[bin--];
        // Ties at the threshold key are taken in index order: the need-th of them is the last.
        int threshold = key[same[0]] & ~lowMask | bin;
        int c = 0;
        while (true) {
            int idx = same[c++];
            if (key[idx] == threshold && --need == 0) return idx;
        }
    }
}

package org.pocketsim.kernel.select;

/**
 * O(n) top-k selection over float scores by three-pass radix select (11 + 11 + 10 bits of an
 * order-preserving integer key), with no full sort and no allocation per call.
 *
 * <p>Contract: {@code select} writes the indices of the {@code k} largest scores into the
 * caller-owned {@code out[0..k)} in ascending index order and returns {@code k}. The result is
 * exactly the first {@code k} elements of the order (score descending, index ascending): among
 * equal scores the lower index wins, so results are deterministic and independent of the
 * platform. Scores compare as {@link Float#compare} does ({@code -0.0 < +0.0}); NaN is rejected
 * with an exception naming its index.
 *
 * <p>Cost: one keying pass with a 2048-bin histogram, one branch-free pass splitting indices into
 * certainly-kept and boundary-bin candidates, short passes over the candidates, and a merge
 * by block moves. Worst case is linear in n whatever the data (unlike quickselect). One instance owns its
 * scratch arrays and is not thread-safe; size it for the widest layer.
 */
public final class TopKSelector {

    private static final int BINS = 1 << 11;

    private final int[] keys;
    private final int[] candidates;
    private final int[] histogram = new int[BINS];

    /** A selector for vectors of up to {@code capacity} elements. */
    public TopKSelector(int capacity) {
        if (capacity < 1) throw new IllegalArgumentException("TopKSelector capacity must be at least 1, got " + capacity);
        keys = new int[capacity];
        candidates = new int[capacity];
    }

    public int capacity() {
        return keys.length;
    }

    /** Indices of the {@code k} largest of {@code scores[0..n)}, ascending, into {@code out}. */
    public int select(float[] scores, int n, int k, int[] out) {
        check(scores.length, n, k, out);
        int[] hist = clearedHistogram();
        for (int i = 0; i < n; i++) {
            int bits = Float.floatToRawIntBits(scores[i]);
            if ((bits & 0x7FFFFFFF) > 0x7F800000) throw nan(i);
            // unsigned order-preserving key: flip all bits of negatives, the sign bit of positives
            int key = bits ^ ((bits >> 31) | 0x80000000);
            keys[i] = key;
            hist[key >>> 21]++;
        }
        return selectKeys(n, k, out);
    }

    /** Indices of the {@code k} largest of {@code |values[0..n)|}, ascending, into {@code out}. */
    public int selectAbs(float[] values, int n, int k, int[] out) {
        check(values.length, n, k, out);
        int[] hist = clearedHistogram();
        for (int i = 0; i < n; i++) {
            int bits = Float.floatToRawIntBits(values[i]) & 0x7FFFFFFF;
            if (bits > 0x7F800000) throw nan(i);
            // |x| has no sign bit: shifting it out gives the first digit one more bit of resolution
            int key = bits << 1;
            keys[i] = key;
            hist[key >>> 21]++;
        }
        return selectKeys(n, k, out);
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

    private static IllegalArgumentException nan(int index) {
        return new IllegalArgumentException("score at index " + index + " is NaN; top-k needs ordered scores");
    }

    /**
     * keys[0..n) are unsigned-order keys whose first-digit histogram is built. One pass splits
     * the indices into those certainly kept (first digit above the boundary bin) and the boundary
     * bin's candidates, both in index order; two short radix passes over the candidates find the
     * k-th largest key; the chosen candidates are merged with the certain ones into {@code out}.
     */
    private int selectKeys(int n, int k, int[] out) {
        if (k == 0) return 0;
        if (k == n) {
            for (int i = 0; i < n; i++) out[i] = i;
            return n;
        }
        int[] hist = histogram;
        int need = k;
        int bin = BINS - 1;
        while (hist[bin] < need) need -= hist[bin--];
        int boundary = bin;
        // Branch-free split; `out` holds the certain indices (fewer than k, so writes stay in bounds),
        // `candidates` the boundary bin's.
        int sure = 0;
        int count = 0;
        for (int i = 0; i < n; i++) {
            int digit = keys[i] >>> 21;
            out[sure] = i;
            sure += digit > boundary ? 1 : 0;
            candidates[count] = i;
            count += digit == boundary ? 1 : 0;
        }
        // Second digit, bits 20..10, over the candidates.
        java.util.Arrays.fill(hist, 0);
        for (int c = 0; c < count; c++) hist[(keys[candidates[c]] >>> 10) & 0x7FF]++;
        bin = BINS - 1;
        while (hist[bin] < need) need -= hist[bin--];
        int prefix = (boundary << 11) | bin;
        // Third digit, bits 9..0, over the candidates sharing the 22-bit prefix.
        java.util.Arrays.fill(hist, 0, 1024, 0);
        for (int c = 0; c < count; c++) {
            int key = keys[candidates[c]];
            if (key >>> 10 == prefix) hist[key & 0x3FF]++;
        }
        bin = 1023;
        while (hist[bin] < need) need -= hist[bin--];
        int threshold = ((prefix << 10) | bin) ^ 0x80000000;
        // Keep the candidates above the threshold and the first `need` equal to it, in index order.
        int chosen = 0;
        for (int c = 0; c < count; c++) {
            int idx = candidates[c];
            int key = keys[idx] ^ 0x80000000;
            int equal = key == threshold ? 1 : 0;
            int take = (key > threshold ? 1 : 0) | (equal & (need > 0 ? 1 : 0));
            candidates[chosen] = idx;
            chosen += take;
            need -= equal & take;
        }
        // Merge the two ascending lists (certain in out[0..sure), chosen candidates) from the back:
        // candidates are few, so each one binary-searches its place and the certain block above it
        // moves up in one arraycopy, instead of a branchy element-by-element merge.
        int end = sure;
        int write = sure + chosen;
        for (int c = chosen - 1; c >= 0; c--) {
            int idx = candidates[c];
            int pos = -java.util.Arrays.binarySearch(out, 0, end, idx) - 1;
            int len = end - pos;
            System.arraycopy(out, pos, out, write - len, len);
            write -= len;
            out[--write] = idx;
            end = pos;
        }
        return sure + chosen;
    }
}

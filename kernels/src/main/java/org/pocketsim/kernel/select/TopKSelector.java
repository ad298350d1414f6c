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
 * <p>Cost: one keying pass with a 2048-bin histogram, one pass collecting the boundary bin's
 * candidates, two short passes over those candidates, and one emitting pass. Worst case is
 * linear in n whatever the data (unlike quickselect). One instance owns its scratch arrays and is
 * not thread-safe; size it for the widest layer.
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
            int key = bits ^ ((bits >> 31) & 0x7FFFFFFF);
            keys[i] = key;
            hist[(key ^ 0x80000000) >>> 21]++;
        }
        return selectKeys(n, k, out);
    }

    /** Indices of the {@code k} largest of {@code |values[0..n)|}, ascending, into {@code out}. */
    public int selectAbs(float[] values, int n, int k, int[] out) {
        check(values.length, n, k, out);
        int[] hist = clearedHistogram();
        for (int i = 0; i < n; i++) {
            int key = Float.floatToRawIntBits(values[i]) & 0x7FFFFFFF;
            if (key > 0x7F800000) throw nan(i);
            keys[i] = key;
            hist[(key ^ 0x80000000) >>> 21]++;
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

    /** keys[0..n) are signed-order keys; finds the k-th largest key and emits in index order. */
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
        int prefix = bin;
        int count = 0;
        for (int i = 0; i < n; i++) {
            candidates[count] = i;
            count += (keys[i] ^ 0x80000000) >>> 21 == prefix ? 1 : 0;
        }
        // Second digit: bits 20..10 among the candidates of the boundary bin.
        java.util.Arrays.fill(hist, 0);
        for (int c = 0; c < count; c++) hist[((keys[candidates[c]] ^ 0x80000000) >>> 10) & 0x7FF]++;
        bin = BINS - 1;
        while (hist[bin] < need) need -= hist[bin--];
        prefix = (prefix << 11) | bin;
        int kept = 0;
        for (int c = 0; c < count; c++) {
            int idx = candidates[c];
            if ((keys[idx] ^ 0x80000000) >>> 10 == prefix) candidates[kept++] = idx;
        }
        // Third digit: bits 9..0.
        java.util.Arrays.fill(hist, 0, 1024, 0);
        for (int c = 0; c < kept; c++) hist[(keys[candidates[c]] ^ 0x80000000) & 0x3FF]++;
        bin = 1023;
        while (hist[bin] < need) need -= hist[bin--];
        int threshold = ((prefix << 10) | bin) ^ 0x80000000;
        // Emit every key above the threshold, and the first `need` keys equal to it, in index order.
        // Branch-free, into the scratch array (which has room for a trailing write), then copied out.
        int written = 0;
        for (int i = 0; i < n; i++) {
            int key = keys[i];
            int equal = key == threshold ? 1 : 0;
            int take = (key > threshold ? 1 : 0) | (equal & (need > 0 ? 1 : 0));
            candidates[written] = i;
            written += take;
            need -= equal & take;
        }
        System.arraycopy(candidates, 0, out, 0, written);
        return written;
    }
}

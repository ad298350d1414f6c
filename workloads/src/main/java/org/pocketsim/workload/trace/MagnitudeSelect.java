package org.pocketsim.workload.trace;

/**
 * Top-k by magnitude over one row, in O(n) expected time with caller-owned scratch: the
 * k-th largest |x| by quickselect, then membership with ties broken towards lower indices
 * (the rule the kernels' DIP masker uses), so sets are deterministic.
 */
final class MagnitudeSelect {

    private MagnitudeSelect() {
    }

    /** The {@code k}-th largest value of {@code a[0..n)} (1-based k); reorders {@code a}. */
    static float kthLargest(float[] a, int n, int k) {
        int lo = 0;
        int hi = n - 1;
        int target = k - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            float pivot = median(a[lo], a[mid], a[hi]);
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (a[i] > pivot) i++;
                while (a[j] < pivot) j--;
                if (i <= j) {
                    float t = a[i];
                    a[i] = a[j];
                    a[j] = t;
                    i++;
                    j--;
                }
            }
            if (target <= j) hi = j;
            else if (target >= i) lo = i;
            else return a[target];
        }
        return a[target];
    }

    /**
     * Marks in {@code member} the {@code k} entries of {@code row} with the largest |x|, ties to
     * lower indices; {@code scratch} has at least the row's length. Returns the sum of their |x|.
     */
    static double topK(float[] row, int k, float[] scratch, boolean[] member) {
        int n = row.length;
        for (int i = 0; i < n; i++) scratch[i] = Math.abs(row[i]);
        float threshold = kthLargest(scratch, n, k);
        int above = 0;
        for (int i = 0; i < n; i++) {
            if (Math.abs(row[i]) > threshold) above++;
        }
        int tiesLeft = k - above;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            float m = Math.abs(row[i]);
            boolean in = m > threshold || (m == threshold && tiesLeft-- > 0);
            member[i] = in;
            if (in) sum += m;
        }
        return sum;
    }

    private static float median(float a, float b, float c) {
        return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
    }
}

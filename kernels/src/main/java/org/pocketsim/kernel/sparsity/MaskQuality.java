package org.pocketsim.kernel.sparsity;

import org.pocketsim.kernel.cache.CacheView;

/** Quality and cache proxies of a mask, computed in double without allocation. */
public final class MaskQuality {

    private MaskQuality() {
    }

    /**
     * Share of the L2 norm of {@code v[0..n)} kept by columns {@code cols[0..k)}:
     * {@code sqrt(sum_kept v^2 / sum_all v^2)}; 1 when {@code v} is all zero.
     */
    public static double normKept(float[] v, int n, int[] cols, int k) {
        double total = 0;
        for (int i = 0; i < n; i++) total += (double) v[i] * v[i];
        if (total == 0) return 1.0;
        double kept = 0;
        for (int c = 0; c < k; c++) kept += (double) v[cols[c]] * v[cols[c]];
        return Math.sqrt(kept / total);
    }

    /** Number of columns {@code cols[0..k)} resident in {@code cache}, or -1 when cache is null. */
    public static int hits(CacheView cache, int[] cols, int k) {
        if (cache == null) return -1;
        int hits = 0;
        for (int c = 0; c < k; c++) if (cache.isResident(cols[c])) hits++;
        return hits;
    }
}

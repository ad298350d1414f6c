package org.pocketsim.kernel.routing;

import org.pocketsim.kernel.cache.CacheView;

/**
 * Shared arithmetic of the logit routers: softmax probabilities, best-first selection with the
 * lower-id tie rule, plain top-k, and filling a {@link RoutingDecision}. Owns its scratch.
 */
final class RoutingCore {

    final int experts;
    final int k;
    final boolean renormalise;
    final double[] prob;
    final int[] plainTop;
    final int[] chosen;
    private final int[] taken;
    private int stamp;

    RoutingCore(int experts, int k, boolean renormalise) {
        if (experts < 1) throw new IllegalArgumentException("experts must be at least 1, got " + experts);
        if (k < 1 || k > experts) throw new IllegalArgumentException("k must be in [1, experts = " + experts + "], got " + k);
        this.experts = experts;
        this.k = k;
        this.renormalise = renormalise;
        prob = new double[experts];
        plainTop = new int[k];
        chosen = new int[k];
        taken = new int[experts];
    }

    /** Checks the logits and computes the full softmax into {@link #prob}. */
    void softmax(float[] z, String router) {
        if (z == null) {
            throw new IllegalStateException(router + " router needs router logits, but the trace carries only expert ids");
        }
        if (z.length != experts) throw new IllegalArgumentException("router logits have " + z.length + " values, expected " + experts);
        float max = Float.NEGATIVE_INFINITY;
        for (int i = 0; i < experts; i++) {
            if (Float.isNaN(z[i])) throw new IllegalArgumentException("router logit of expert " + i + " is NaN");
            if (z[i] > max) max = z[i];
        }
        double sum = 0;
        for (int i = 0; i < experts; i++) {
            double e = Math.exp((double) z[i] - max);
            prob[i] = e;
            sum += e;
        }
        for (int i = 0; i < experts; i++) prob[i] /= sum;
    }

    /** Starts a new selection: nothing is taken. */
    void clearTaken() {
        if (++stamp == 0) {
            java.util.Arrays.fill(taken, 0);
            stamp = 1;
        }
    }

    boolean isTaken(int e) {
        return taken[e] == stamp;
    }

    void take(int e) {
        taken[e] = stamp;
    }

    /** Best expert by {@code z} not yet taken (lower id on ties); marks it taken. */
    int takeBest(float[] z) {
        int best = -1;
        for (int i = 0; i < experts; i++) {
            if (taken[i] != stamp && (best < 0 || z[i] > z[best])) best = i;
        }
        taken[best] = stamp;
        return best;
    }

    /**
     * The {@code m} best experts by {@code z} into {@code dst[0..m)}, best first (ties to the
     * lower id), in one pass with insertion into a sorted prefix: O(experts) when m is small.
     */
    void topByLogit(float[] z, int m, int[] dst) {
        int n = 0;
        for (int i = 0; i < experts; i++) {
            float v = z[i];
            if (n == m && !(v > z[dst[m - 1]])) continue;
            int pos = n < m ? n++ : m - 1;
            while (pos > 0 && v > z[dst[pos - 1]]) {
                dst[pos] = dst[pos - 1];
                pos--;
            }
            dst[pos] = i;
        }
    }

    /** The {@code m} best not-taken experts by {@code key} into {@code dst[off..off+m)}, best first (ties to the lower id). */
    void topByKeyNotTaken(double[] key, int m, int[] dst, int off) {
        if (m == 0) return;
        int n = 0;
        for (int i = 0; i < experts; i++) {
            if (taken[i] == stamp) continue;
            double v = key[i];
            if (n == m && !(v > key[dst[off + m - 1]])) continue;
            int pos = n < m ? n++ : m - 1;
            while (pos > 0 && v > key[dst[off + pos - 1]]) {
                dst[off + pos] = dst[off + pos - 1];
                pos--;
            }
            dst[off + pos] = i;
        }
    }

    /** Plain top-k by logit into {@link #plainTop}, best first. */
    void plainTopK(float[] z) {
        topByLogit(z, k, plainTop);
    }

    /**
     * Fills {@code out} from {@link #chosen}: sorted by descending logit, mixing weights from the
     * original logits (renormalised over the chosen set if configured), mass kept, changes versus
     * {@link #plainTop} (which must be computed), and cache hits.
     */
    void finish(float[] z, CacheView cache, RoutingDecision out) {
        for (int a = 1; a < k; a++) {
            int e = chosen[a];
            int b = a - 1;
            while (b >= 0 && (z[chosen[b]] < z[e] || (z[chosen[b]] == z[e] && chosen[b] > e))) {
                chosen[b + 1] = chosen[b];
                b--;
            }
            chosen[b + 1] = e;
        }
        double mass = 0;
        double topMass = 0;
        for (int j = 0; j < k; j++) {
            mass += prob[chosen[j]];
            topMass += prob[plainTop[j]];
        }
        clearTaken();
        for (int j = 0; j < k; j++) take(plainTop[j]);
        int changed = 0;
        int hits = 0;
        for (int j = 0; j < k; j++) {
            int e = chosen[j];
            out.experts[j] = e;
            out.weights[j] = (float) (renormalise ? prob[e] / mass : prob[e]);
            if (!isTaken(e)) changed++;
            if (cache != null && cache.isResident(e)) hits++;
        }
        out.count = k;
        out.weightsKnown = true;
        out.massKept = mass;
        out.topKMass = topMass;
        out.changed = changed;
        out.cacheHits = cache == null ? -1 : hits;
    }

    void requireHolder(RoutingDecision out) {
        if (out.experts.length != k) throw new IllegalArgumentException("RoutingDecision holds " + out.experts.length + " experts, router picks " + k);
    }
}

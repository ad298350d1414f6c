package org.pocketsim.engine.decode.mlp;

import org.pocketsim.kernel.cache.CacheView;

/**
 * Prefetch of the next MoE layer's likely experts while the current layer computes (our policy,
 * {@code expert-cache} with {@code prefetch: P}). Predictor: cross-layer co-activation learned
 * online from the run's own routing so far. For each pair of consecutive MoE layers (i, i+1) it
 * counts, over past tokens, how often expert a of layer i and expert b of layer i+1 were chosen
 * by the same token; after layer i routes token t, layer i+1's experts are scored by the sum of
 * the counts of the experts layer i just chose, and the P best-scoring experts that layer i+1's
 * cache does not hold (score above zero, ties to the lower id) are read from flash into that
 * cache. No future information is used; the first token prefetches nothing. O(k x experts) per
 * token and layer, nothing allocated.
 */
final class NextLayerPrefetcher {

    private final int experts;
    private final int budget;
    /** counts[i][a * experts + b]: tokens that chose a in MoE layer i and b in MoE layer i + 1. */
    private final int[][] counts;
    private final int[][] lastChoice;
    private final int[] lastCount;
    private final long[] lastToken;
    private final double[] score;
    private final int[] picked;
    private final int[][] prefetched;
    private final int[] prefetchedCount;
    private long issued;
    private long used;

    NextLayerPrefetcher(int layers, int experts, int k, int budget) {
        this.experts = experts;
        this.budget = budget;
        counts = new int[Math.max(0, layers - 1)][experts * experts];
        lastChoice = new int[layers][k];
        lastCount = new int[layers];
        lastToken = new long[layers];
        java.util.Arrays.fill(lastToken, -1);
        score = new double[experts];
        picked = new int[budget];
        prefetched = new int[layers][budget];
        prefetchedCount = new int[layers];
    }

    /**
     * Layer {@code layer} has routed {@code token} to {@code chosen[0..n)}: scores what was
     * prefetched into it, learns from the previous layer's choice for this token, and returns the
     * number of experts to read for layer + 1, which are in {@link #picked()} (0 at the last layer).
     */
    int afterRouting(int layer, long token, int[] chosen, int n, CacheView nextCache) {
        for (int i = 0; i < prefetchedCount[layer]; i++) {
            for (int j = 0; j < n; j++) if (chosen[j] == prefetched[layer][i]) used++;
        }
        prefetchedCount[layer] = 0;
        if (layer > 0 && lastToken[layer - 1] == token) {
            int[] pair = counts[layer - 1];
            for (int i = 0; i < lastCount[layer - 1]; i++) {
                int base = lastChoice[layer - 1][i] * experts;
                for (int j = 0; j < n; j++) pair[base + chosen[j]]++;
            }
        }
        System.arraycopy(chosen, 0, lastChoice[layer], 0, n);
        lastCount[layer] = n;
        lastToken[layer] = token;
        if (budget == 0 || layer + 1 >= lastChoice.length) return 0;
        java.util.Arrays.fill(score, 0);
        int[] pair = counts[layer];
        for (int j = 0; j < n; j++) {
            int base = chosen[j] * experts;
            for (int b = 0; b < experts; b++) score[b] += pair[base + b];
        }
        int m = 0;
        while (m < budget) {
            int best = -1;
            for (int b = 0; b < experts; b++) {
                if (score[b] > 0 && !nextCache.isResident(b) && (best < 0 || score[b] > score[best])) best = b;
            }
            if (best < 0) break;
            score[best] = 0;
            picked[m++] = best;
        }
        System.arraycopy(picked, 0, prefetched[layer + 1], 0, m);
        prefetchedCount[layer + 1] = m;
        issued += m;
        return m;
    }

    /** The experts the last {@link #afterRouting} picked, in pick order (use the count it returned). */
    int[] picked() {
        return picked;
    }

    /** Experts read ahead so far. */
    long issued() {
        return issued;
    }

    /** Prefetched experts that the next layer then chose: issued less wasted reads. */
    long used() {
        return used;
    }
}

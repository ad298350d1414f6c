package org.pocketsim.engine.decode.mlp;

import org.pocketsim.kernel.cache.CacheView;

import java.util.Arrays;

/**
 * Expert lifetime in the cache (papers.md §2.3's "consecutive tokens an expert stays cached"):
 * a residency runs from the token whose step inserted the expert to the token whose step evicted
 * it, so an expert inserted at token t and evicted while token t' is routed lived t' - t tokens;
 * residencies still open at the end of the run count up to the last token. The mean is over all
 * residencies of all layers. Each observation scans the layer's experts (O(experts), nothing
 * allocated).
 */
final class ExpertLifetimes {

    private final int[][] insertedAt;
    private long residencies;
    private long tokensResident;

    ExpertLifetimes(int layers, int experts) {
        insertedAt = new int[layers][experts];
        for (int[] row : insertedAt) Arrays.fill(row, -1);
    }

    /** Called after layer {@code layer}'s cache has taken token {@code token}'s experts. */
    void observe(int layer, int token, CacheView cache) {
        int[] since = insertedAt[layer];
        for (int e = 0; e < since.length; e++) {
            boolean resident = cache.isResident(e);
            if (resident && since[e] < 0) {
                since[e] = token;
            } else if (!resident && since[e] >= 0) {
                residencies++;
                tokensResident += token - since[e];
                since[e] = -1;
            }
        }
    }

    /** Mean residency in tokens, closing open residencies at {@code tokens} (the tokens run); 0 if none. */
    double mean(int tokens) {
        long n = residencies;
        long sum = tokensResident;
        for (int[] since : insertedAt) {
            for (int s : since) {
                if (s >= 0) {
                    n++;
                    sum += tokens - s;
                }
            }
        }
        return n == 0 ? 0 : (double) sum / n;
    }
}

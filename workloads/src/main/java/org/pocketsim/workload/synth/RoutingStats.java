package org.pocketsim.workload.synth;

/**
 * Statistics of one layer's expert choices over a window of tokens, with the definitions of
 * {@code data/third-party/moe/olmoe-routing-stats-per-layer.csv}; real and generated traces go
 * through this one class so that they are compared like for like.
 *
 * @param tokens          tokens in the window
 * @param reuseD1         mean over t of |S_t ∩ S_{t-1}| / k
 * @param reuseD2         same at distance 2
 * @param reuseD4         same at distance 4
 * @param reuseD8         same at distance 8
 * @param topExpertShare  selections of the most used expert / all selections
 * @param fracCover50     fewest experts (most used first) holding 50% of selections, / experts
 * @param fracCover80     same for 80%
 * @param fracUnused      experts never selected / experts
 */
public record RoutingStats(int tokens, double reuseD1, double reuseD2, double reuseD4, double reuseD8,
                           double topExpertShare, double fracCover50, double fracCover80, double fracUnused) {

    /** Statistics of {@code experts[t]} (distinct ids in [0, numExperts) per token). */
    public static RoutingStats of(int[][] experts, int numExperts) {
        int tokens = experts.length;
        if (tokens < 9) throw new IllegalArgumentException("routing statistics need at least 9 tokens, got " + tokens);
        long[] counts = new long[numExperts];
        for (int[] set : experts) {
            for (int e : set) {
                if (e < 0 || e >= numExperts) throw new IllegalArgumentException("expert id " + e + " outside 0.." + (numExperts - 1));
                counts[e]++;
            }
        }
        long[] sorted = counts.clone();
        java.util.Arrays.sort(sorted);
        long total = 0;
        int unused = 0;
        for (long c : sorted) {
            total += c;
            if (c == 0) unused++;
        }
        return new RoutingStats(tokens, reuse(experts, 1, numExperts), reuse(experts, 2, numExperts),
                reuse(experts, 4, numExperts), reuse(experts, 8, numExperts),
                (double) sorted[numExperts - 1] / total, cover(sorted, total, 0.5), cover(sorted, total, 0.8),
                (double) unused / numExperts);
    }

    /** Mean over t in [d, T) of |S_t ∩ S_{t-d}| / k: the share of a token's experts also chosen d tokens before. */
    static double reuse(int[][] experts, int d, int numExperts) {
        int[] mark = new int[numExperts];
        double sum = 0;
        for (int t = d; t < experts.length; t++) {
            for (int e : experts[t - d]) mark[e] = t;
            int shared = 0;
            for (int e : experts[t]) if (mark[e] == t) shared++;
            sum += (double) shared / experts[t].length;
        }
        return sum / (experts.length - d);
    }

    /** sortedAscending read from the top: the fraction of experts needed to reach {@code share} of selections. */
    private static double cover(long[] sortedAscending, long total, double share) {
        long cum = 0;
        int n = sortedAscending.length;
        for (int i = 0; i < n; i++) {
            cum += sortedAscending[n - 1 - i];
            if (cum >= share * total) return (double) (i + 1) / n;
        }
        return 1.0;
    }
}

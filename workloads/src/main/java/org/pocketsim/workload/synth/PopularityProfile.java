package org.pocketsim.workload.synth;

/**
 * Parametric expert-popularity profile for models without a routing trace: the most used
 * expert takes a given share of selections and the others decay geometrically from rank 2,
 * with the decay chosen so that a given fraction of experts covers 80% of selections.
 */
final class PopularityProfile {

    private PopularityProfile() {
    }

    /** Selection shares by rank (descending, summing to 1). */
    static double[] shares(int experts, int topK, double topShare, double fracCover80) {
        if (!(topShare > 1.0 / experts && topShare <= 1.0 / topK)) {
            throw new IllegalArgumentException("topExpertShare must be in (1/experts, 1/topK] = ("
                    + 1.0 / experts + ", " + 1.0 / topK + "], got " + topShare);
        }
        if (!(fracCover80 > 0 && fracCover80 <= 1)) {
            throw new IllegalArgumentException("fracCover80 must be in (0, 1], got " + fracCover80);
        }
        double lo = 0, hi = 8;
        for (int i = 0; i < 60; i++) {
            double mid = (lo + hi) / 2;
            if (coverage(profile(experts, topShare, mid), 0.8) > fracCover80) lo = mid;
            else hi = mid;
        }
        return profile(experts, topShare, (lo + hi) / 2);
    }

    /**
     * Rank 1 at {@code top}; ranks 2.. geometric with ratio e^-decay over the remaining mass,
     * water-filled so that no rank exceeds {@code top} (capped ranks pass their excess on).
     */
    private static double[] profile(int experts, double top, double decay) {
        double[] s = new double[experts];
        s[0] = top;
        double remaining = 1 - top;
        int free = 1;
        while (free < experts) {
            double weights = 0;
            for (int r = free; r < experts; r++) weights += Math.exp(-decay * (r - free));
            double first = remaining / weights;
            if (first <= top) {
                for (int r = free; r < experts; r++) s[r] = first * Math.exp(-decay * (r - free));
                break;
            }
            s[free++] = top;
            remaining -= top;
        }
        return s;
    }

    /** Fraction of experts (fractional within the crossing expert) reaching {@code share} of the mass. */
    static double coverage(double[] sharesDescending, double share) {
        double cum = 0;
        for (int i = 0; i < sharesDescending.length; i++) {
            double next = cum + sharesDescending[i];
            if (next >= share) return (i + (share - cum) / sharesDescending[i]) / sharesDescending.length;
            cum = next;
        }
        return 1.0;
    }
}

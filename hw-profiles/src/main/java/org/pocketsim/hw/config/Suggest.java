package org.pocketsim.hw.config;

import java.util.Collection;
import java.util.Optional;

/** "Did you mean" suggestions by Levenshtein edit distance. */
public final class Suggest {

    private Suggest() {
    }

    /**
     * The candidate nearest to {@code input} (case-insensitive), if its distance is at most a third
     * of the longer length plus one; ties go to the first candidate in iteration order.
     */
    public static Optional<String> nearest(String input, Collection<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            int d = distance(input.toLowerCase(java.util.Locale.ROOT), candidate.toLowerCase(java.util.Locale.ROOT));
            if (d < bestDistance) {
                bestDistance = d;
                best = candidate;
            }
        }
        if (best == null || bestDistance > Math.max(input.length(), best.length()) / 3 + 1) {
            return Optional.empty();
        }
        return Optional.of(best);
    }

    /** Levenshtein distance: insertions, deletions and substitutions each cost 1. */
    public static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}

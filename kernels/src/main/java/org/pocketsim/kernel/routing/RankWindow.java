package org.pocketsim.kernel.routing;

import org.pocketsim.kernel.cache.CacheView;

/** Window fill shared by Max-Rank and the cumulative-probability window. */
final class RankWindow {

    private RankWindow() {
    }

    /**
     * Chooses k experts from {@code ranked[0..window)} (best first): the top J always; then the
     * resident experts of ranks J..window-1 in rank order; then, if slots remain, the
     * non-resident ones in rank order. Requires {@code window >= k}.
     */
    static void fill(RoutingCore core, int[] ranked, int window, int keepTopJ, CacheView cache) {
        int n = 0;
        for (int r = 0; r < keepTopJ; r++) core.chosen[n++] = ranked[r];
        for (int r = keepTopJ; r < window && n < core.k; r++) {
            if (cache.isResident(ranked[r])) core.chosen[n++] = ranked[r];
        }
        for (int r = keepTopJ; r < window && n < core.k; r++) {
            if (!cache.isResident(ranked[r])) core.chosen[n++] = ranked[r];
        }
    }
}

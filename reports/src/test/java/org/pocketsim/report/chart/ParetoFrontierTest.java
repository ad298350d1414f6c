package org.pocketsim.report.chart;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ParetoFrontierTest {

    // x = DRAM GB (lower better), y = tok/s (higher better)
    private final double[] x = {4, 3, 2, 2.5, 3.5, 2};
    private final double[] y = {2.5, 5, 8, 10, 4, 7};

    @Test
    void keepsPointsNoOtherBeatsOnBothOrderedByBestX() {
        // (2,8) best x; (2.5,10) better y; (3,5) (3.5,4) (4,2.5) dominated by (2.5,10); (2,7) by (2,8).
        assertThat(ParetoFrontier.indices(x, y, false, true)).containsExactly(2, 3);
    }

    @Test
    void directionsFlipTheFrontier() {
        // higher x better, lower y better: (4,2.5) dominates all others.
        assertThat(ParetoFrontier.indices(x, y, true, false)).containsExactly(0);
        // higher x and higher y better: (4,2.5) best x, then (3.5,4), (3,5), (2.5,10).
        assertThat(ParetoFrontier.indices(x, y, true, true)).containsExactly(0, 4, 1, 3);
    }

    @Test
    void duplicatePointAppearsOnce() {
        assertThat(ParetoFrontier.indices(new double[]{1, 1}, new double[]{5, 5}, false, true)).containsExactly(0);
    }
}

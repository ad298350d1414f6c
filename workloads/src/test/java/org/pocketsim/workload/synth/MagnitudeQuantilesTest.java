package org.pocketsim.workload.synth;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class MagnitudeQuantilesTest {

    private final MagnitudeQuantiles q = new MagnitudeQuantiles(new double[]{0.1, 0.5, 0.9}, new double[]{1, 2, 8});

    @Test
    void hitsEachQuantileAtItsNormalScore() {
        for (int i = 0; i < 3; i++) {
            assertThat(q.magnitudeAt(NormalScores.inverseCdf(q.prob(i)))).isCloseTo(q.value(i), within(1e-8));
        }
    }

    @Test
    void isLinearInProbabilityBelowTheFirstQuantileAndLogLinearBetween() {
        assertThat(q.magnitudeAt(NormalScores.inverseCdf(0.05))).isCloseTo(0.5, within(1e-8));
        double z5 = 0, z9 = NormalScores.inverseCdf(0.9);
        assertThat(q.magnitudeAt(z9 / 2)).isCloseTo(Math.sqrt(2 * 8), within(1e-8));
        assertThat(q.magnitudeAt(z5)).isCloseTo(2, within(1e-8));
        // beyond the last quantile the last segment's log-slope continues
        assertThat(q.magnitudeAt(2 * z9)).isCloseTo(32, within(1e-8));
    }

    @Test
    void tableLookupFollowsTheQuantileFunction() {
        float[] table = MagnitudeTable.build(q);
        for (double u = -3; u <= 3; u += 0.37) {
            assertThat((double) MagnitudeTable.lookup(table, (float) u)).isCloseTo(q.magnitudeAt(u), within(q.magnitudeAt(u) * 1e-3));
        }
    }

    @Test
    void nonIncreasingQuantilesAreRejected() {
        assertThatThrownBy(() -> new MagnitudeQuantiles(new double[]{0.1, 0.5}, new double[]{2, 2}))
                .hasMessageContaining("increase strictly");
    }

    @Test
    void histogramQuantilesAreWithinAThirdOfAPercent() {
        MagnitudeHistogram h = new MagnitudeHistogram();
        float[] row = new float[1000];
        for (int i = 0; i < 1000; i++) row[i] = (i % 2 == 0 ? 1 : -1) * (i + 1);
        h.add(row);
        assertThat(h.count()).isEqualTo(1000);
        assertThat(h.quantile(0.5)).isCloseTo(500, within(500 * 0.003));
        assertThat(h.quantile(0.95)).isCloseTo(950, within(950 * 0.003));
        assertThat(h.shareBelow(250.5)).isCloseTo(0.25, within(0.001));
    }

    @Test
    void popularityProfileHasTheGivenTopShareAndCoverage() {
        double[] s = PopularityProfile.shares(60, 4, 0.10, 0.5);
        double sum = 0;
        for (int i = 0; i < s.length; i++) {
            sum += s[i];
            if (i > 0) assertThat(s[i]).isLessThanOrEqualTo(s[i - 1]);
        }
        assertThat(sum).isCloseTo(1, within(1e-8));
        assertThat(s[0]).isEqualTo(0.10);
        assertThat(PopularityProfile.coverage(s, 0.8)).isCloseTo(0.5, within(1e-6));
    }
}

package org.pocketsim.report.chart;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AxisScaleTest {

    @Test
    void aSpanOfMoreThanThirtyTimesTurnsAnUnspecifiedAxisLogarithmic() {
        // decode-baselines: five phones at 54-118 ms beside OPT's 2180 ms.
        assertThat(AxisScale.log(null, new double[]{53.6, 69.4, 118, 2180})).isTrue();
        assertThat(AxisScale.log(null, new double[]{10, 300})).isFalse();
        assertThat(AxisScale.log(null, new double[]{10, 300.1})).isTrue();
    }

    @Test
    void zeroOrNegativeValuesKeepTheAxisLinear() {
        assertThat(AxisScale.log(null, new double[]{0, 1, 1000})).isFalse();
        assertThat(AxisScale.log(null, new double[]{-1, 1000})).isFalse();
        assertThat(AxisScale.log(null, new double[]{})).isFalse();
    }

    @Test
    void whatTheSpecSaysWins() {
        assertThat(AxisScale.log(false, new double[]{1, 1000})).isFalse();
        assertThat(AxisScale.log(true, new double[]{1, 2})).isTrue();
    }
}

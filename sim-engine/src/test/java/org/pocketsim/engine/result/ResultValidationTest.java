package org.pocketsim.engine.result;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ResultValidationTest {

    @Test
    void nonFiniteMetricIsRejectedNamingPointAndMetric() {
        assertThatThrownBy(() -> new PointResult(0, "p0", Map.of(), Map.of("hitRate", Double.NaN), null, null))
                .hasMessage("PointResult[p0].metrics.hitRate must be finite, got NaN");
    }

    @Test
    void duplicatePointIndexIsRejected() {
        PointResult a = new PointResult(0, "a", null, null, null, null);
        PointResult b = new PointResult(0, "b", null, null, null, null);
        assertThatThrownBy(() -> new ExperimentResult("e", "E", "", "", "h", 0, "v", List.of(a, b),
                null, null, null, null)).hasMessage("ExperimentResult: two points have index 0");
    }

    @Test
    void experimentIdMustBeFileNameSafe() {
        assertThatThrownBy(() -> new ExperimentResult("../x", "E", "", "", "h", 0, "v", null,
                null, null, null, null)).hasMessageContaining("experimentId '../x'");
    }

    @Test
    void comparisonRelativeErrorIsSignedFractionOfPublished() {
        Comparison c = new Comparison("row", "tokensPerSecond", 9.0, 12.0, "tok/s", "src");
        assertThat(c.relativeError()).isEqualTo(-0.25);
        assertThat(c.within(0.25)).isTrue();
        assertThat(c.within(0.2)).isFalse();
    }

    @Test
    void tableRowOfWrongWidthIsRejected() {
        assertThatThrownBy(() -> new ResultTable("t", List.of("a", "b"), List.of(List.of("1"))))
                .hasMessage("ResultTable[t].rows[0] has 1 cells, expected 2");
    }

    @Test
    void lineChartWithoutXIsRejected() {
        assertThatThrownBy(() -> ChartSpec.of(ChartType.LINE, "T", null, List.of("a"), null))
                .hasMessageContaining("chart 'T'.x");
    }

    @Test
    void stackedBarDefaultsToTimeBreakdownAndParetoToLowerXHigherY() {
        ChartSpec bars = ChartSpec.of(ChartType.STACKED_BAR, "T", null, List.of(), null);
        assertThat(bars.y()).containsExactly("msFlashIo", "msDramIo", "msCompute", "msStall");
        // Unset labels stay unset: the report titles axes from the metric catalogue.
        assertThat(bars.yLabel()).isNull();
        assertThat(bars.xLabel()).isNull();
        ChartSpec p = ChartSpec.of(ChartType.PARETO, "P", "a", List.of("b"), null);
        assertThat(p.xBetter()).isEqualTo(ChartSpec.Better.LOWER);
        assertThat(p.yBetter()).isEqualTo(ChartSpec.Better.HIGHER);
        assertThat(p.logX()).isNull();
        assertThat(p.logY()).isNull();
    }

    @Test
    void heatmapNeedsExactlyOneSeries() {
        assertThatThrownBy(() -> ChartSpec.of(ChartType.HEATMAP, "H", null, List.of("a", "b"), null))
                .hasMessage("chart 'H'.y must name exactly one per-layer series, got [a, b]");
    }

    @Test
    void chartTitlesGivingTheSameFileNameAreRejected() {
        ChartSpec a = ChartSpec.of(ChartType.STACKED_BAR, "Time / token", null, List.of(), null);
        ChartSpec b = ChartSpec.of(ChartType.STACKED_BAR, "time token", null, List.of(), null);
        assertThatThrownBy(() -> new ReportSpec(List.of(a, b), null, null))
                .hasMessageContaining("chart-time-token.png");
    }

    @Test
    void unknownChartTypeListsTheValidOnes() {
        assertThatThrownBy(() -> ChartType.parse("pie"))
                .hasMessage("unknown chart type 'pie', expected one of line, scatter, pareto, stacked-bar, heatmap, comparison, power-timeline");
    }

    @Test
    void comparisonChartTakesNoAxesAndLabelsItsOwn() {
        ChartSpec c = ChartSpec.of(ChartType.COMPARISON, "Error", null, null, null);
        assertThat(c.xLabel()).isNull();
        assertThat(c.yLabel()).isEqualTo("Relative error vs published (%)");
        assertThatThrownBy(() -> ChartSpec.of(ChartType.COMPARISON, "E", "x", List.of(), null))
                .hasMessageContaining("comparison charts take no x, y, seriesBy or filter");
    }

    @Test
    void filterAcceptsOnlyPointsMatchingAllEntries() {
        ChartSpec c = new ChartSpec(ChartType.LINE, "T", "x", List.of("y"), null,
                Map.of("cache", "lru"), null, null, false, false, null, null, null);
        assertThat(c.accepts(Map.of("cache", "lru", "gamma", "0.1"))).isTrue();
        assertThat(c.accepts(Map.of("cache", "lfu"))).isFalse();
        assertThat(c.accepts(Map.of())).isFalse();
    }
}

package org.pocketsim.report.chart;

import org.junit.jupiter.api.Test;
import org.pocketsim.engine.result.ChartSpec;
import org.pocketsim.engine.result.ChartType;
import org.pocketsim.engine.result.ExperimentResult;
import org.pocketsim.engine.result.PointResult;
import org.pocketsim.engine.result.ReportSpec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A stacked bar's value-axis title is one line: one that would not fit the axis gives way to a short one. */
class StackedBarAxisTitleTest {

    private static final List<String> PUBLISHED = List.of("publishedGatesMultiply", "publishedGatesAlignAdd", "publishedGatesNormAcc");
    private static final List<String> OURS = List.of("gatesMultiply", "gatesAlignAdd", "gatesNormAcc");

    private static ExperimentResult cells(List<ChartSpec> charts) {
        List<PointResult> points = new ArrayList<>();
        String[] labels = {"INT8 -> FX+12", "FP8-E4M3 -> FP16", "FP8-E5M2 -> FP32"};
        for (int i = 0; i < labels.length; i++) {
            Map<String, Double> m = new LinkedHashMap<>();
            for (String k : PUBLISHED) m.put(k, 100.0 * (i + 1));
            for (String k : OURS) m.put(k, 110.0 * (i + 1));
            points.add(new PointResult(i, "p" + i, Map.of("run", labels[i]), m, Map.of(), List.of()));
        }
        return new ExperimentResult("fig3", "Fig. 3", "", "", "00", 1L, "0.1.0-test", points, null, null, null,
                new ReportSpec(charts, List.of(), null));
    }

    private static String axisTitle(List<String> y) {
        ChartSpec spec = ChartSpec.of(ChartType.STACKED_BAR, "Gates", "run", y, null);
        return ChartRenderer.build(spec, cells(List.of(spec))).chart().getCategoryPlot().getRangeAxis().getLabel();
    }

    @Test
    void theJoinedStackLabelsStayWhenTheyFit() {
        // 109 characters with the unit: about 760 px of the 810 px the axis has beside 16-character bar labels
        assertThat(axisTitle(OURS)).isEqualTo("Multiplier gates per MAC + Align-add gates per MAC + Normalise-accumulate gates per MAC (gates)");
    }

    @Test
    void joinedStackLabelsTooLongForTheAxisGiveWayToAShortTitle() {
        // 126 characters would take about 880 px and be cut off at both ends
        assertThat(axisTitle(PUBLISHED)).isEqualTo("Sum of the stacks in the legend (gates)");
    }

    @Test
    void theFitIsJudgedWithTheUnitAppended() {
        assertThat(StackedBarChart.fitted("x".repeat(100), 108 * 7.0f, " (gates)")).isEqualTo("x".repeat(100));
        assertThat(StackedBarChart.fitted("x".repeat(100), 108 * 7.0f, " (gates)x")).isEqualTo("Sum of the stacks in the legend");
    }

    @Test
    void theValueAxisLeavesRoomBeyondTheLongestBarForItsTotal() {
        List<PointResult> points = new ArrayList<>();
        String[] labels = {"INT4 -> FX+12", "W4A8 INT4 (per channel) -> FX+12", "INT16 -> FP32"};
        double[] macs = {47_063, 43_376, 8_456};
        for (int i = 0; i < 3; i++) {
            points.add(new PointResult(i, "p" + i, Map.of("run", labels[i]), Map.of("isoPowerMacsPerCycle", macs[i]), Map.of(), List.of()));
        }
        ChartSpec spec = ChartSpec.of(ChartType.STACKED_BAR, "MACs", "run", List.of("isoPowerMacsPerCycle"), null);
        ExperimentResult r = new ExperimentResult("m", "M", "", "", "00", 1L, "0.1.0-test", points, null, null, null,
                new ReportSpec(List.of(spec), List.of(), null));
        var axis = ChartRenderer.build(spec, r).chart().getCategoryPlot().getRangeAxis();
        // "  47063 MAC/cycle": 17 characters x 7.4 px = 126 px beside bar labels of 32 characters (0.272 of the
        // width): 960 x 0.728 - 40 = 659 px for values, so the margin is 126 / (659 - 126) = 0.236 of the range
        float share = (32 * 7.4f + 24f) / 960;
        double valuePx = 960 * (1 - share) - 40;
        assertThat(axis.getUpperMargin()).isCloseTo(17 * 7.4f / (valuePx - 17 * 7.4f), org.assertj.core.api.Assertions.within(1e-6));
        assertThat(axis.getUpperMargin()).isGreaterThan(0.2);
    }
}

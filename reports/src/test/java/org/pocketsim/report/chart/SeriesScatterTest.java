package org.pocketsim.report.chart;

import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;
import org.pocketsim.engine.result.ChartSpec;
import org.pocketsim.engine.result.ChartType;
import org.pocketsim.engine.result.PointResult;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Series against series: one dot per element of every point, the y = x line over the drawn range, zeros left off log axes. */
class SeriesScatterTest {

    static PointResult point(int index, List<Double> measured, List<Double> predicted) {
        Map<String, List<Double>> series = new LinkedHashMap<>();
        series.put("measuredMsByNode", measured);
        series.put("predictedMsByNode", predicted);
        return new PointResult(index, "p" + index, Map.of("run", "r" + index), Map.of("measuredMs", 1.0), series, List.of());
    }

    static ChartSpec scatter(Boolean log) {
        return new ChartSpec(ChartType.SCATTER, "Per node", "measuredMsByNode", List.of("predictedMsByNode"), null, null,
                null, null, log, log, null, null, null);
    }

    @Test
    void drawsEveryElementAndTheIdentityLine() {
        List<PointResult> points = List.of(point(0, List.of(1.0, 2.0, 4.0), List.of(1.5, 2.0, 3.0)),
                point(1, List.of(8.0), List.of(10.0)));
        assertThat(SeriesScatter.applies(scatter(false), points)).isTrue();
        ChartDrawing d = SeriesScatter.build(scatter(false), points);
        XYDataset data = ((XYPlot) d.chart().getPlot()).getDataset();
        assertThat(data.getSeriesCount()).isEqualTo(2);
        assertThat(data.getItemCount(0)).isEqualTo(4);
        assertThat(data.getXValue(0, 3)).isEqualTo(8.0);
        assertThat(data.getYValue(0, 3)).isEqualTo(10.0);
        // y = x from the smallest to the largest drawn value of either axis
        assertThat(data.getSeriesKey(1)).isEqualTo("y = x (exact prediction)");
        assertThat(new double[] {data.getXValue(1, 0), data.getYValue(1, 0), data.getXValue(1, 1), data.getYValue(1, 1)})
                .containsExactly(1.0, 1.0, 10.0, 10.0);
        assertThat(d.notes()).anyMatch(n -> n.startsWith("4 dots from 2 points"));
    }

    @Test
    void aLogarithmicAxisLeavesOutZerosAndSaysSo() {
        ChartDrawing d = SeriesScatter.build(scatter(true), List.of(point(0, List.of(0.0, 2.0), List.of(1.0, 2.0))));
        assertThat(((XYPlot) d.chart().getPlot()).getDataset().getItemCount(0)).isEqualTo(1);
        assertThat(d.notes()).anyMatch(n -> n.startsWith("1 value of zero or below left out"));
    }

    @Test
    void seriesOfDifferentLengthsAreAnErrorNamingThePoint() {
        assertThatThrownBy(() -> SeriesScatter.build(scatter(false), List.of(point(3, List.of(1.0, 2.0), List.of(1.0)))))
                .hasMessageContaining("chart 'Per node': point 3 has 2 values of measuredMsByNode but 1 of predictedMsByNode");
    }
}

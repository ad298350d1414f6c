package org.pocketsim.report.chart;

import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYItemRenderer;
import org.junit.jupiter.api.Test;
import org.pocketsim.engine.result.ChartSpec;
import org.pocketsim.engine.result.ChartType;
import org.pocketsim.engine.result.ExperimentResult;
import org.pocketsim.engine.result.PointResult;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Charts of a measured metric that only some points carry (measured perplexity of the real model
 * beside synthetic-trace models) leave the others out and say so; {@code labelBy} names what
 * labels each point.
 */
class MeasuredPointsChartTest {

    /** Two runs over lambda 0, 0.5, 1: only the "real" run's points carry a measured perplexity. */
    private static ExperimentResult lambdaSweep(List<ChartSpec> charts) {
        List<PointResult> points = new ArrayList<>();
        int i = 0;
        for (String run : List.of("synthetic", "real")) {
            for (String lambda : List.of("0.0", "0.5", "1.0")) {
                Map<String, String> params = new LinkedHashMap<>();
                params.put("run.mlp.router.lambda", lambda);
                params.put("run", run);
                params.put("run.mlp.cachedExperts", "8");
                Map<String, Double> m = new LinkedHashMap<>();
                double l = Double.parseDouble(lambda);
                m.put("missRate", 0.4 - 0.3 * l);
                m.put("tokensPerSecond", 10 + 10 * l);
                if (run.equals("real")) m.put("measuredPerplexity", 11 + l);
                points.add(new PointResult(i, "p" + i, params, m, Map.of(), List.of()));
                i++;
            }
        }
        return new ExperimentResult("lambda", "Lambda", "", "", "00", 1L, "0.1.0-test", points, null, null, null,
                new org.pocketsim.engine.result.ReportSpec(charts, List.of(), null));
    }

    private static ChartSpec scatter(String seriesBy, List<String> labelBy) {
        return new ChartSpec(ChartType.SCATTER, "Miss rate vs perplexity", "measuredPerplexity", List.of("missRate"),
                seriesBy, Map.of(), null, null, null, null, null, null, labelBy);
    }

    private static List<String> labels(ChartDrawing d) {
        XYPlot plot = d.chart().getXYPlot();
        XYItemRenderer r = plot.getRenderer();
        List<String> out = new ArrayList<>();
        for (int s = 0; s < plot.getDataset().getSeriesCount(); s++) {
            for (int item = 0; item < plot.getDataset().getItemCount(s); item++) {
                out.add(r.getItemLabelGenerator(s, item).generateLabel(plot.getDataset(), s, item));
            }
        }
        return out;
    }

    @Test
    void pointsWithoutTheMeasuredMetricAreLeftOutAndTheCaptionSaysWhich() {
        ChartSpec spec = scatter("run", null);
        ChartDrawing d = ChartRenderer.build(spec, lambdaSweep(List.of(spec)));
        XYPlot plot = d.chart().getXYPlot();
        assertThat(plot.getDataset().getSeriesCount()).isEqualTo(1);
        assertThat(plot.getDataset().getSeriesKey(0)).isEqualTo("real");
        assertThat(plot.getDataset().getItemCount(0)).isEqualTo(3);
        assertThat(plot.getDataset().getXValue(0, 2)).isEqualTo(12.0);
        assertThat(plot.getDataset().getYValue(0, 2)).as("miss rate 0.1 in %").isCloseTo(10.0, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(d.notes()).contains("Left out 3 of 6 points that carry no Measured perplexity (synthetic).");
    }

    @Test
    void aChartNoPointOfWhichCarriesTheMetricIsStillAnError() {
        ChartSpec spec = new ChartSpec(ChartType.SCATTER, "T", "measuredPerplexity", List.of("missRate"), null,
                Map.of("run", "synthetic"), null, null, null, null, null, null, null);
        assertThatThrownBy(() -> ChartRenderer.build(spec, lambdaSweep(List.of(spec))))
                .hasMessageContaining("chart 'T': point 0 has no metric or parameter 'measuredPerplexity'");
    }

    @Test
    void labelByLabelsEachPointWithTheNamedParameter() {
        // Without labelBy: lambda and cache size are not both varying; lambda is what tells the points apart.
        ChartSpec plain = scatter("run", null);
        assertThat(labels(ChartRenderer.build(plain, lambdaSweep(List.of(plain)))))
                .containsExactly("lambda 0.0", "lambda 0.5", "lambda 1.0");
        // labelBy names the parameters shown, whether or not they vary.
        ChartSpec both = scatter("run", List.of("run.mlp.router.lambda", "run.mlp.cachedExperts"));
        assertThat(labels(ChartRenderer.build(both, lambdaSweep(List.of(both)))))
                .containsExactly("lambda 0.0, experts cached 8", "lambda 0.5, experts cached 8", "lambda 1.0, experts cached 8");
    }

    @Test
    void labelByIsOnlyForScatterAndPareto() {
        assertThatThrownBy(() -> new ChartSpec(ChartType.LINE, "L", "x", List.of("y"), null, Map.of(), null, null,
                null, null, null, null, List.of("run")))
                .hasMessage("chart 'L'.labelBy is only allowed for scatter and pareto");
    }

    @Test
    void labelsOfNeighbouringPointsTakeDifferentPlacesInsteadOfOverlapping() {
        // lambda 0.0, 0.5, 1.0 at perplexity 11.0, 11.02, 11.04 and nearly one miss rate: level labels would overlap
        List<PointResult> points = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Map<String, String> params = Map.of("run.mlp.router.lambda", String.valueOf(i * 0.5));
            points.add(new PointResult(i, "p" + i, params, Map.of("measuredPerplexity", 11 + 0.02 * i,
                    "missRate", 0.1 + 0.0001 * i), Map.of(), List.of()));
        }
        points.add(new PointResult(3, "p3", Map.of("run.mlp.router.lambda", "2.0"),
                Map.of("measuredPerplexity", 12.0, "missRate", 0.3), Map.of(), List.of()));
        ChartSpec spec = scatter(null, List.of("run.mlp.router.lambda"));
        ExperimentResult r = new ExperimentResult("l", "L", "", "", "00", 1L, "0.1.0-test", points, null, null, null,
                new org.pocketsim.engine.result.ReportSpec(List.of(spec), List.of(), null));
        XYItemRenderer renderer = ChartRenderer.build(spec, r).chart().getXYPlot().getRenderer();
        java.util.Set<Object> places = new java.util.HashSet<>();
        for (int i = 0; i < 3; i++) {
            var p = renderer.getPositiveItemLabelPosition(0, i);
            places.add(p.getItemLabelAnchor() + "/" + p.getTextAnchor());
        }
        assertThat(places).as("three neighbours, three places").hasSize(3);
    }
}

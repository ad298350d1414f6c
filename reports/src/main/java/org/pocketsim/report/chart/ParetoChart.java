package org.pocketsim.report.chart;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.pocketsim.engine.result.ChartSpec;
import org.pocketsim.engine.result.ChartType;
import org.pocketsim.engine.result.ExperimentResult;
import org.pocketsim.engine.result.PointResult;

import java.awt.BasicStroke;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Scatter of two metrics, one colour per seriesBy value, plus a dashed black line through the
 * Pareto frontier of all drawn points (directions from the spec's xBetter / yBetter).
 */
final class ParetoChart implements Chart {

    static final String FRONTIER_KEY = "Pareto frontier";

    @Override
    public ChartType type() {
        return ChartType.PARETO;
    }

    @Override
    public JFreeChart build(ChartSpec spec, ExperimentResult result, List<PointResult> points) {
        String yName = spec.y().get(0);
        int n = points.size();
        double[] xs = new double[n];
        double[] ys = new double[n];
        Map<String, XYSeries> series = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            PointResult p = points.get(i);
            xs[i] = PointValues.onAxis(spec, p, spec.x(), spec.logX());
            ys[i] = PointValues.onAxis(spec, p, yName, spec.logY());
            String split = PointValues.seriesValue(spec, p);
            String key = XyChart.seriesKey(spec, yName, split);
            series.computeIfAbsent(key, k -> new XYSeries(k, false, true)).add(xs[i], ys[i]);
        }
        XYSeries frontier = new XYSeries(FRONTIER_KEY, false, true);
        for (int i : ParetoFrontier.indices(xs, ys, spec.xBetter() == ChartSpec.Better.HIGHER,
                spec.yBetter() == ChartSpec.Better.HIGHER)) {
            frontier.add(xs[i], ys[i]);
        }
        XYSeriesCollection points0 = new XYSeriesCollection();
        series.values().forEach(points0::addSeries);
        XYLineAndShapeRenderer dots = new XYLineAndShapeRenderer(false, true);
        for (int i = 0; i < points0.getSeriesCount(); i++) {
            dots.setSeriesPaint(i, ChartStyle.colour(i));
            dots.setSeriesShape(i, ChartStyle.marker(i));
        }

        XYPlot plot = new XYPlot(points0, ChartStyle.valueAxis(spec.xLabel(), spec.logX()),
                ChartStyle.valueAxis(spec.yLabel(), spec.logY()), dots);
        XYLineAndShapeRenderer line = new XYLineAndShapeRenderer(true, false);
        line.setSeriesPaint(0, ChartStyle.FRONTIER);
        line.setSeriesStroke(0, new BasicStroke(1.6f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1f,
                new float[]{6f, 4f}, 0f));
        plot.setDataset(1, new XYSeriesCollection(frontier));
        plot.setRenderer(1, line);
        return new JFreeChart(spec.title(), null, plot, true);
    }
}

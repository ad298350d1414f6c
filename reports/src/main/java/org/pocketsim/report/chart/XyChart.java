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

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Line and scatter charts: each y metric against x, one series per y metric and per value of
 * the seriesBy parameter (in first-seen order). Lines join points in increasing x.
 */
final class XyChart implements Chart {

    private final ChartType type;

    XyChart(ChartType type) {
        if (type != ChartType.LINE && type != ChartType.SCATTER) throw new IllegalArgumentException("not an xy type: " + type);
        this.type = type;
    }

    @Override
    public ChartType type() {
        return type;
    }

    @Override
    public JFreeChart build(ChartSpec spec, ExperimentResult result, List<PointResult> points) {
        Map<String, XYSeries> series = new LinkedHashMap<>();
        for (String y : spec.y()) {
            for (PointResult p : points) {
                String split = PointValues.seriesValue(spec, p);
                String key = seriesKey(spec, y, split);
                double xv = PointValues.onAxis(spec, p, spec.x(), spec.logX());
                double yv = PointValues.onAxis(spec, p, y, spec.logY());
                series.computeIfAbsent(key, k -> new XYSeries(k, true, true)).add(xv, yv);
            }
        }
        XYSeriesCollection data = new XYSeriesCollection();
        series.values().forEach(data::addSeries);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(type == ChartType.LINE, true);
        for (int i = 0; i < data.getSeriesCount(); i++) {
            renderer.setSeriesPaint(i, ChartStyle.colour(i));
            renderer.setSeriesStroke(i, ChartStyle.line());
            renderer.setSeriesShape(i, ChartStyle.marker(i));
        }
        XYPlot plot = new XYPlot(data, ChartStyle.valueAxis(spec.xLabel(), spec.logX()),
                ChartStyle.valueAxis(spec.yLabel(), spec.logY()), renderer);
        boolean legend = data.getSeriesCount() > 1 || spec.seriesBy() != null;
        return new JFreeChart(spec.title(), null, plot, legend);
    }

    /** "y", "seriesBy=value", or "y, seriesBy=value" when both vary. */
    static String seriesKey(ChartSpec spec, String y, String split) {
        if (split == null) return y;
        String byPart = spec.seriesBy() + "=" + split;
        return spec.y().size() > 1 ? y + ", " + byPart : byPart;
    }
}

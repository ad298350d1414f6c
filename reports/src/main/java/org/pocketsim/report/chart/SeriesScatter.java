package org.pocketsim.report.chart;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.pocketsim.engine.result.ChartSpec;
import org.pocketsim.engine.result.ChartType;
import org.pocketsim.engine.result.MetricCatalogue;
import org.pocketsim.engine.result.PointResult;
import org.pocketsim.report.data.DisplayUnit;

import java.util.ArrayList;
import java.util.List;

/**
 * A scatter of series against series: {@code x} and every {@code y} name per-point series of
 * equal length (a replay's {@code measuredMsByNode} and {@code predictedMsByNode}), one dot per
 * element of every drawn point, one colour per y, and the y = x line across the drawn range, so a
 * prediction on the line is exact. A logarithmic axis leaves out non-positive values and says how many.
 */
final class SeriesScatter {

    private SeriesScatter() {
    }

    /** Whether {@code x} names a series of the points rather than a metric or parameter. */
    static boolean applies(ChartSpec spec, List<PointResult> points) {
        return spec.x() != null && !points.isEmpty() && points.stream().allMatch(p -> p.series().containsKey(spec.x()))
                && points.stream().noneMatch(p -> p.hasMetric(spec.x()));
    }

    static ChartDrawing build(ChartSpec spec, List<PointResult> points) {
        List<Double> all = new ArrayList<>();
        for (PointResult p : points) {
            all.addAll(values(spec, p, spec.x()));
            for (String y : spec.y()) all.addAll(values(spec, p, y));
        }
        double[] every = all.stream().mapToDouble(Double::doubleValue).toArray();
        boolean log = AxisScale.log(spec.logX() != null ? spec.logX() : spec.logY(), every);
        double max = 0;
        for (double v : every) max = Math.max(max, Math.abs(v));
        DisplayUnit unit = DisplayUnit.pick(MetricCatalogue.find(spec.x()).map(MetricCatalogue.Metric::unit).orElse(""), max);
        XYSeriesCollection data = new XYSeriesCollection();
        List<String> notes = new ArrayList<>();
        int dropped = 0;
        int dots = 0;
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (String y : spec.y()) {
            XYSeries s = new XYSeries(label(y), false, true);
            for (PointResult p : points) {
                List<Double> xs = values(spec, p, spec.x());
                List<Double> ys = values(spec, p, y);
                if (xs.size() != ys.size()) {
                    throw new IllegalArgumentException("chart '" + spec.title() + "': point " + p.index() + " has " + xs.size()
                            + " values of " + spec.x() + " but " + ys.size() + " of " + y);
                }
                for (int i = 0; i < xs.size(); i++) {
                    double x = unit.shown(xs.get(i));
                    double v = unit.shown(ys.get(i));
                    if (log && !(x > 0 && v > 0)) {
                        dropped++;
                        continue;
                    }
                    s.add(x, v);
                    dots++;
                    lo = Math.min(lo, Math.min(x, v));
                    hi = Math.max(hi, Math.max(x, v));
                }
            }
            data.addSeries(s);
        }
        XYSeries identity = new XYSeries("y = x (exact prediction)", false, true);
        if (dots > 0) {
            identity.add(lo, lo);
            identity.add(hi, hi);
        }
        data.addSeries(identity);
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(false, true);
        for (int i = 0; i < spec.y().size(); i++) {
            r.setSeriesPaint(i, ChartStyle.colour(i));
            r.setSeriesShape(i, ChartStyle.marker(i));
            r.setSeriesShapesFilled(i, false);
        }
        int line = spec.y().size();
        r.setSeriesPaint(line, ChartStyle.FRONTIER);
        r.setSeriesLinesVisible(line, true);
        r.setSeriesShapesVisible(line, false);
        r.setSeriesStroke(line, ChartStyle.dashedLine());
        String xTitle = spec.xLabel() != null ? spec.xLabel() : unit.title(label(spec.x()));
        String yTitle = spec.yLabel() != null ? spec.yLabel() : unit.title(spec.y().size() == 1 ? label(spec.y().get(0)) : "Predicted");
        XYPlot plot = new XYPlot(data, ChartStyle.valueAxis(xTitle, log), ChartStyle.valueAxis(yTitle, log), r);
        notes.add(dots + " dots from " + points.size() + (points.size() == 1 ? " point" : " points")
                + ", one per element of their series; the dashed line is y = x.");
        if (dropped > 0) notes.add(dropped + (dropped == 1 ? " value" : " values") + " of zero or below left out: the axes are logarithmic.");
        JFreeChart chart = new JFreeChart(spec.title(), null, plot, true);
        return new ChartDrawing(chart, ChartStyle.WIDTH_PX, ChartStyle.HEIGHT_PX, ChartStyle.alt(ChartType.SCATTER, yTitle, xTitle), notes);
    }

    private static List<Double> values(ChartSpec spec, PointResult p, String name) {
        List<Double> v = p.series().get(name);
        if (v == null) {
            throw new IllegalArgumentException("chart '" + spec.title() + "': point " + p.index() + " has no series '" + name
                    + "' (series " + p.series().keySet() + ")");
        }
        return v;
    }

    private static String label(String name) {
        return MetricCatalogue.find(name).map(MetricCatalogue.Metric::label).orElse(name);
    }
}

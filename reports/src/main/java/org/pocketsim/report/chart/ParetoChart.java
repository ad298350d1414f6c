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
import java.util.ArrayList;
import java.util.List;

/**
 * Scatter of two metrics, one colour and marker per seriesBy value, every point labelled with
 * the values that distinguish it, plus a dashed black line through the Pareto frontier of all
 * drawn points (directions from the spec's xBetter / yBetter).
 */
final class ParetoChart implements Chart {

    static final String FRONTIER_KEY = "Pareto frontier";

    @Override
    public ChartType type() {
        return ChartType.PARETO;
    }

    @Override
    public ChartDrawing build(ChartSpec spec, ExperimentResult result, List<PointResult> points) {
        Xy xy = Xy.assemble(spec, points, false);
        List<double[]> all = new ArrayList<>();
        for (int s = 0; s < xy.data.getSeriesCount(); s++) {
            for (int i = 0; i < xy.data.getItemCount(s); i++) {
                all.add(new double[]{xy.data.getXValue(s, i), xy.data.getYValue(s, i)});
            }
        }
        double[] xs = all.stream().mapToDouble(v -> v[0]).toArray();
        double[] ys = all.stream().mapToDouble(v -> v[1]).toArray();
        XYSeries frontier = new XYSeries(FRONTIER_KEY, true, true);
        for (int i : ParetoFrontier.indices(xs, ys, spec.xBetter() == ChartSpec.Better.HIGHER,
                spec.yBetter() == ChartSpec.Better.HIGHER)) {
            frontier.add(xs[i], ys[i]);
        }
        XYLineAndShapeRenderer dots = xy.renderer(false);
        xy.labelPoints(dots);
        XYPlot plot = new XYPlot(xy.data, xy.xAxis, xy.yAxis, dots);
        XYLineAndShapeRenderer line = new XYLineAndShapeRenderer(true, false);
        line.setSeriesPaint(0, ChartStyle.FRONTIER);
        line.setSeriesStroke(0, new BasicStroke(1.6f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1f,
                new float[]{6f, 4f}, 0f));
        plot.setDataset(1, new XYSeriesCollection(frontier));
        plot.setRenderer(1, line);
        List<String> notes = new ArrayList<>(xy.notes);
        notes.add(0, "Better is " + (spec.xBetter() == ChartSpec.Better.HIGHER ? "right" : "left") + " and "
                + (spec.yBetter() == ChartSpec.Better.HIGHER ? "up" : "down") + "; the dashed line joins the points no other point beats on both.");
        JFreeChart chart = new JFreeChart(spec.title(), null, plot, true);
        return new ChartDrawing(chart, ChartStyle.WIDTH_PX, ChartStyle.HEIGHT_PX,
                ChartStyle.alt(ChartType.PARETO, xy.yTitle, xy.xTitle), notes);
    }
}

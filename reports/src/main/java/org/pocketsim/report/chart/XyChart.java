package org.pocketsim.report.chart;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.pocketsim.engine.result.ChartSpec;
import org.pocketsim.engine.result.ChartType;
import org.pocketsim.engine.result.ExperimentResult;
import org.pocketsim.engine.result.PointResult;

import java.util.List;

/**
 * Line and scatter charts: each y metric against x, one series per y metric and per value of
 * the seriesBy parameter (in first-seen order); lines join points in increasing x. A line
 * chart whose points differ in a swept axis that x, seriesBy and filter leave open is split by
 * that axis too, and the caption says so. Scatter points carry the values that distinguish
 * them; series drawn on top of each other are named in the caption and stay visible (hollow
 * markers of different shapes, the later one dashed). A scatter whose x is a per-point series
 * draws series against series ({@link SeriesScatter}).
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
    public ChartDrawing build(ChartSpec spec, ExperimentResult result, List<PointResult> points) {
        if (type == ChartType.SCATTER && SeriesScatter.applies(spec, points)) return SeriesScatter.build(spec, points);
        Xy xy = Xy.assemble(spec, points, type == ChartType.LINE);
        XYLineAndShapeRenderer renderer = xy.renderer(type == ChartType.LINE);
        if (type == ChartType.SCATTER) xy.labelPoints(renderer);
        XYPlot plot = new XYPlot(xy.data, xy.xAxis, xy.yAxis, renderer);
        boolean legend = xy.data.getSeriesCount() > 1 || spec.seriesBy() != null;
        JFreeChart chart = new JFreeChart(spec.title(), null, plot, legend);
        return new ChartDrawing(chart, ChartStyle.WIDTH_PX, ChartStyle.HEIGHT_PX,
                ChartStyle.alt(type, xy.yTitle, xy.xTitle), xy.notes);
    }
}

package org.pocketsim.report.chart;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;
import org.pocketsim.engine.result.ChartSpec;
import org.pocketsim.engine.result.ChartType;
import org.pocketsim.engine.result.ExperimentResult;
import org.pocketsim.engine.result.PointResult;

import java.util.ArrayList;
import java.util.List;

/**
 * One bar per point, stacked by the spec's y metrics (by default the ms/token time breakdown).
 * A metric that no drawn point carries is left out (an analytic run has no stalls); one that
 * only some points carry is an error, since a zero would misstate those bars.
 */
final class StackedBarChart implements Chart {

    /** Above this many bars the labels turn 45 degrees so they do not overlap. */
    private static final int UPRIGHT_LABELS_MAX = 6;

    @Override
    public ChartType type() {
        return ChartType.STACKED_BAR;
    }

    @Override
    public JFreeChart build(ChartSpec spec, ExperimentResult result, List<PointResult> points) {
        List<String> metrics = new ArrayList<>();
        for (String m : spec.y()) {
            long carrying = points.stream().filter(p -> p.hasMetric(m)).count();
            if (carrying == points.size()) {
                metrics.add(m);
            } else if (carrying > 0) {
                PointResult lacking = points.stream().filter(p -> !p.hasMetric(m)).findFirst().orElseThrow();
                throw new IllegalArgumentException("chart '" + spec.title() + "': point " + lacking.index()
                        + " has no metric '" + m + "' that other points have");
            }
        }
        if (metrics.isEmpty()) {
            throw new IllegalArgumentException("chart '" + spec.title() + "': no point has any of the metrics " + spec.y());
        }
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        List<String> labels = uniqueLabels(spec, points);
        for (String m : metrics) {
            for (int i = 0; i < points.size(); i++) data.addValue(points.get(i).metric(m), m, labels.get(i));
        }
        StackedBarRenderer renderer = new StackedBarRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setMaximumBarWidth(0.12);
        for (int i = 0; i < metrics.size(); i++) renderer.setSeriesPaint(i, ChartStyle.colour(i));
        CategoryAxis axis = new CategoryAxis(spec.xLabel());
        axis.setMaximumCategoryLabelLines(3);
        if (points.size() > UPRIGHT_LABELS_MAX) axis.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        ValueAxis range = ChartStyle.valueAxis(spec.yLabel(), spec.logY());
        if (range instanceof NumberAxis linear) linear.setAutoRangeIncludesZero(true);
        CategoryPlot plot = new CategoryPlot(data, axis, range, renderer);
        return new JFreeChart(spec.title(), null, plot, true);
    }

    /** Point labels, suffixed with the point index where two points would share a bar. */
    static List<String> uniqueLabels(ChartSpec spec, List<PointResult> points) {
        List<String> labels = new ArrayList<>();
        for (PointResult p : points) labels.add(PointValues.label(spec, p, spec.x()));
        List<String> out = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            String l = labels.get(i);
            out.add(labels.indexOf(l) != labels.lastIndexOf(l) ? l + " #" + points.get(i).index() : l);
        }
        return out;
    }
}

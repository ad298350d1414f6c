package org.pocketsim.report.chart;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.CategoryTextAnnotation;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryAnchor;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;
import org.pocketsim.engine.result.ChartSpec;
import org.pocketsim.engine.result.ChartType;
import org.pocketsim.engine.result.ExperimentResult;
import org.pocketsim.engine.result.MetricCatalogue;
import org.pocketsim.engine.result.Metrics;
import org.pocketsim.engine.result.PointResult;
import org.pocketsim.report.data.DisplayUnit;

import java.awt.Font;
import java.util.ArrayList;
import java.util.List;

/**
 * One bar per point, stacked by the spec's y metrics (by default the ms/token time breakdown),
 * each bar labelled with its total. Bars lie horizontally when their labels are long or many,
 * so every label reads whole, and the canvas grows with the number of bars. When the totals
 * span more than 30x (and the spec does not say), the value axis is logarithmic and the
 * caption says the segments are then not to scale.
 *
 * <p>A metric that no drawn point carries is left out (an analytic run has no stalls), and so is
 * one that is 0 in every bar (the caption says so); one that only some points carry is an
 * error, since a zero would misstate those bars.
 */
final class StackedBarChart implements Chart {

    /** Labels longer than this (characters), or more bars than {@link #UPRIGHT_MAX}, lay the bars down. */
    private static final int SHORT_LABEL = 14;
    private static final int UPRIGHT_MAX = 8;
    /** Px per horizontal bar, and the canvas around the bars (title, axis, legend). */
    static final int ROW_PX = 46;
    static final int FRAME_PX = 190;

    @Override
    public ChartType type() {
        return ChartType.STACKED_BAR;
    }

    @Override
    public ChartDrawing build(ChartSpec spec, ExperimentResult result, List<PointResult> points) {
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
        List<String> zero = metrics.stream().filter(m -> points.stream().allMatch(p -> p.metric(m) == 0)).toList();
        boolean dropZero = !zero.isEmpty() && zero.size() < metrics.size();
        if (dropZero) metrics.removeAll(zero);
        String stored = MetricCatalogue.find(metrics.get(0)).map(MetricCatalogue.Metric::unit).orElse("");
        double[] totals = new double[points.size()];
        for (int i = 0; i < points.size(); i++) {
            for (String m : metrics) totals[i] += points.get(i).metric(m);
        }
        DisplayUnit unit = DisplayUnit.pick(stored, max(totals));
        List<String> labels = uniqueLabels(spec, points);
        double[] shownTotals = new double[totals.length];
        for (int i = 0; i < totals.length; i++) shownTotals[i] = unit.shown(totals[i]);
        boolean log = AxisScale.log(spec.logY(), shownTotals);
        double floor = log ? min(shownTotals) / 10 : 0;
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (String m : metrics) {
            for (int i = 0; i < points.size(); i++) {
                double v = unit.shown(points.get(i).metric(m));
                // On a log axis bars start at the axis floor, not 0: the largest segment gives up
                // that much so that each bar still ends at its total.
                if (log && m.equals(largest(points.get(i), metrics))) v -= floor;
                data.addValue(v, MetricCatalogue.labelOf(m), labels.get(i));
            }
        }
        List<String> notes = new ArrayList<>();
        if (dropZero) {
            notes.add(String.join(", ", zero.stream().map(MetricCatalogue::labelOf).toList())
                    + (zero.size() == 1 ? " is" : " are") + " 0 in every bar and left out.");
        }
        StackedBarRenderer renderer = new StackedBarRenderer();
        renderer.setBase(floor);
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setMaximumBarWidth(0.7);
        for (int i = 0; i < metrics.size(); i++) renderer.setSeriesPaint(i, ChartStyle.colour(i));
        int longest = labels.stream().mapToInt(String::length).max().orElse(0);
        boolean horizontal = longest > SHORT_LABEL || points.size() > UPRIGHT_MAX;
        CategoryAxis axis = new CategoryAxis(spec.xLabel());
        axis.setMaximumCategoryLabelLines(2);
        axis.setCategoryMargin(0.25);
        float categoryShare = horizontal ? ChartStyle.categoryLabelShare(longest) : 0f;
        if (horizontal) axis.setMaximumCategoryLabelWidthRatio(categoryShare);

        String title = spec.yLabel() != null ? spec.yLabel()
                : unit.title(fitted(axisLabel(metrics), ChartStyle.WIDTH_PX * (1 - categoryShare) - AXIS_PAD_PX, unit.title("")));
        ValueAxis range = ChartStyle.valueAxis(title, log);
        if (range instanceof NumberAxis linear) linear.setAutoRangeIncludesZero(true);
        if (log) {
            range.setRange(floor, max(shownTotals) * 3);
            if (spec.logY() == null) notes.add("Value axis logarithmic: the totals span more than 30x."
                    + " On a log axis the segments are not to scale; each bar's total is written beside it.");
        } else {
            // room beyond the longest bar for its total ("47063 MAC/cycle"), which would otherwise run off the canvas
            int totalChars = 0;
            for (double t : totals) totalChars = Math.max(totalChars, ("  " + unit.withUnit(t)).length());
            double valuePx = horizontal ? ChartStyle.WIDTH_PX * (1 - categoryShare) - AXIS_PAD_PX : ChartStyle.HEIGHT_PX - 200;
            double labelPx = horizontal ? totalChars * TOTAL_CHAR_PX : 24;
            range.setUpperMargin(Math.max(0.12, labelPx / Math.max(1, valuePx - labelPx)));
        }
        CategoryPlot plot = new CategoryPlot(data, axis, range, renderer);
        if (horizontal) {
            plot.setOrientation(PlotOrientation.HORIZONTAL);
            plot.setRangeAxisLocation(AxisLocation.BOTTOM_OR_LEFT);
        }
        Font font = new Font(Font.SANS_SERIF, Font.BOLD, 12);
        for (int i = 0; i < labels.size(); i++) {
            CategoryTextAnnotation total = new CategoryTextAnnotation("  " + unit.withUnit(totals[i]), labels.get(i),
                    shownTotals[i]);
            total.setCategoryAnchor(CategoryAnchor.MIDDLE);
            total.setFont(font);
            total.setTextAnchor(horizontal ? TextAnchor.CENTER_LEFT : TextAnchor.BOTTOM_CENTER);
            plot.addAnnotation(total);
        }
        JFreeChart chart = new JFreeChart(spec.title(), null, plot, true);
        int height = horizontal ? Math.max(ChartStyle.HEIGHT_PX / 2, FRAME_PX + ROW_PX * points.size()) : ChartStyle.HEIGHT_PX;
        String categories = spec.xLabel() != null ? spec.xLabel() : spec.x() == null ? "run" : Quantity.labelOf(spec.x());
        return new ChartDrawing(chart, ChartStyle.WIDTH_PX, height,
                ChartStyle.alt(ChartType.STACKED_BAR, title, categories + " (one bar per point)"), notes);
    }

    /**
     * Mean width of an axis title's character in px (the style's 15 px sans: on the Fig. 3 chart 109
     * characters took about 760 px), and the plot's margins beside the value axis.
     */
    static final float TITLE_CHAR_PX = 7.0f;
    static final float AXIS_PAD_PX = 40f;
    /** Mean width of a character of a bar's total (12 px bold sans). */
    static final float TOTAL_CHAR_PX = 7.4f;

    /**
     * The value axis title if it fits the axis ({@code px} wide, {@code unitText} appended); else a
     * short one, as the legend names the stacks: an axis title is one line and would be cut off.
     */
    static String fitted(String joined, float px, String unitText) {
        return (joined.length() + unitText.length()) * TITLE_CHAR_PX <= px ? joined : "Sum of the stacks in the legend";
    }

    /** "Time per token" for the time breakdown, "Time to first token" for the prompt's, "Energy per token" for the energy one, else the labels joined. */
    private static String axisLabel(List<String> metrics) {
        if (Metrics.TIME_BREAKDOWN.containsAll(metrics)) return "Time per token";
        if (Metrics.PREFILL_TIME_BREAKDOWN.containsAll(metrics)) return "Time to first token";
        if (Metrics.ENERGY_BREAKDOWN.containsAll(metrics)) return "Energy per token";
        return String.join(" + ", metrics.stream().map(MetricCatalogue::labelOf).toList());
    }

    private static double min(double[] values) {
        double m = Double.POSITIVE_INFINITY;
        for (double v : values) m = Math.min(m, v);
        return m;
    }

    private static String largest(PointResult p, List<String> metrics) {
        String best = metrics.get(0);
        for (String m : metrics) if (p.metric(m) > p.metric(best)) best = m;
        return best;
    }

    private static double max(double[] values) {
        double m = 0;
        for (double v : values) m = Math.max(m, Math.abs(v));
        return m;
    }

    /**
     * Bar labels: the spec's x value, or else what distinguishes the points (the run label of a
     * zipped sweep, "keep 0.25, cache policy = LRU"), suffixed with the point index where two
     * points would share a bar.
     */
    static List<String> uniqueLabels(ChartSpec spec, List<PointResult> points) {
        List<String> names = spec.x() != null ? List.of() : PointLabels.varying(points, List.of());
        List<String> labels = new ArrayList<>();
        for (PointResult p : points) labels.add(spec.x() != null ? PointValues.label(spec, p, spec.x()) : PointLabels.of(p, names));
        List<String> out = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            String l = labels.get(i);
            out.add(labels.indexOf(l) != labels.lastIndexOf(l) ? l + " #" + points.get(i).index() : l);
        }
        return out;
    }
}

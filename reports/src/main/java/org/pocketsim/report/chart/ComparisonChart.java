package org.pocketsim.report.chart;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;
import org.pocketsim.engine.result.ChartSpec;
import org.pocketsim.engine.result.ChartType;
import org.pocketsim.engine.result.Comparison;
import org.pocketsim.engine.result.ExperimentResult;
import org.pocketsim.engine.result.PointResult;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Relative error of every prediction against its published measurement, one horizontal bar
 * per comparison (in the experiment's order, top to bottom), green inside the report's
 * tolerance and red outside, with dashed lines at plus and minus the tolerance. Percentages,
 * so rows in different units (tok/s, ms) share one axis.
 */
final class ComparisonChart implements Chart {

    static final String SERIES_KEY = "relative error";
    private static final Color INSIDE = new Color(0x59A14F);
    private static final Color OUTSIDE = new Color(0xE15759);

    @Override
    public ChartType type() {
        return ChartType.COMPARISON;
    }

    @Override
    public ChartDrawing build(ChartSpec spec, ExperimentResult result, List<PointResult> points) {
        double tolerancePct = result.report().comparisonTolerance() * 100;
        List<Comparison> comparisons = result.comparisons();
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        List<String> labels = labels(comparisons);
        boolean[] outside = new boolean[comparisons.size()];
        double lowest = -tolerancePct;
        double highest = tolerancePct;
        for (int i = 0; i < comparisons.size(); i++) {
            double pct = comparisons.get(i).relativeError() * 100;
            data.addValue(pct, SERIES_KEY, labels.get(i));
            outside[i] = Math.abs(pct) > tolerancePct;
            lowest = Math.min(lowest, pct);
            highest = Math.max(highest, pct);
        }
        BarRenderer renderer = new BarRenderer() {
            private static final long serialVersionUID = 1L;

            @Override
            public Paint getItemPaint(int row, int column) {
                return outside[column] ? OUTSIDE : INSIDE;
            }
        };
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setMaximumBarWidth(0.10);
        renderer.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}%",
                new DecimalFormat("+0.0;-0.0", DecimalFormatSymbols.getInstance(Locale.ROOT))));
        renderer.setDefaultItemLabelsVisible(true);
        renderer.setDefaultItemLabelFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
        renderer.setDefaultPositiveItemLabelPosition(
                new ItemLabelPosition(ItemLabelAnchor.OUTSIDE3, TextAnchor.CENTER_LEFT));
        renderer.setDefaultNegativeItemLabelPosition(
                new ItemLabelPosition(ItemLabelAnchor.OUTSIDE9, TextAnchor.CENTER_RIGHT));
        CategoryAxis axis = new CategoryAxis(spec.xLabel());
        int longest = labels.stream().mapToInt(String::length).max().orElse(0);
        float labelRatio = ChartStyle.categoryLabelShare(longest);
        axis.setMaximumCategoryLabelWidthRatio(labelRatio);
        axis.setMaximumCategoryLabelLines(2);
        axis.setCategoryMargin(0.3);
        // a tall chart (40 px a bar) keeps a fixed 12 px above the first bar and below the last,
        // not JFreeChart's 5% of its height on each side
        int height = Math.max(ChartStyle.HEIGHT_PX / 2, StackedBarChart.FRAME_PX + 40 * comparisons.size());
        axis.setLowerMargin(12.0 / height);
        axis.setUpperMargin(12.0 / height);
        NumberAxis values = new NumberAxis(spec.yLabel());
        double[] range = valueRange(lowest, highest, ChartStyle.WIDTH_PX * (1 - labelRatio) - PLOT_FRAME_PX);
        values.setRange(range[0], range[1]);
        values.setNumberFormatOverride(ChartStyle.tickFormat());
        CategoryPlot plot = new CategoryPlot(data, axis, values, renderer);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        plot.setRangeAxisLocation(AxisLocation.BOTTOM_OR_LEFT);
        // markers behind the bars, so that a value label near zero or the tolerance stays legible
        plot.addRangeMarker(new ValueMarker(0, Color.DARK_GRAY, new BasicStroke(1.2f)), Layer.BACKGROUND);
        BasicStroke dashed = new BasicStroke(1.4f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1f,
                new float[]{6f, 4f}, 0f);
        plot.addRangeMarker(new ValueMarker(tolerancePct, ChartStyle.FRONTIER, dashed), Layer.BACKGROUND);
        plot.addRangeMarker(new ValueMarker(-tolerancePct, ChartStyle.FRONTIER, dashed), Layer.BACKGROUND);
        JFreeChart chart = new JFreeChart(spec.title(), null, plot, false);
        return new ChartDrawing(chart, ChartStyle.WIDTH_PX, height,
                ChartStyle.alt(ChartType.COMPARISON, spec.yLabel(), "measurement (one bar per comparison)"),
                List.of("Green inside ±" + org.pocketsim.report.data.NumberText.display(tolerancePct)
                        + "% of the published value, red outside; dashed lines mark the tolerance."));
    }

    /** Pixels of a bar's value label ("+317.4%" in bold 13 pt) and of the plot's own frame and axis. */
    static final double VALUE_LABEL_PX = 70;
    static final double PLOT_FRAME_PX = 40;

    /**
     * The value axis from {@code lowest} to {@code highest} (each at least the tolerance on its
     * side), widened on both sides by the room a value label takes on a plot {@code plotPx} wide,
     * so that the longest bar's label stays inside and a side without bars stays narrow.
     */
    static double[] valueRange(double lowest, double highest, double plotPx) {
        double span = highest - lowest;
        double usable = Math.max(plotPx - 2 * VALUE_LABEL_PX, plotPx / 3);
        double pad = span * VALUE_LABEL_PX / usable;
        return new double[] {lowest - pad, highest + pad};
    }

    /** Comparison labels, with the metric and then the position added where labels repeat. */
    static List<String> labels(List<Comparison> comparisons) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < comparisons.size(); i++) {
            Comparison c = comparisons.get(i);
            String label = c.label();
            if (out.contains(label) || repeats(comparisons, i)) label = label + " (" + org.pocketsim.engine.result.MetricCatalogue.labelOf(c.metric()) + ")";
            if (out.contains(label)) label = label + " #" + (i + 1);
            out.add(label);
        }
        return out;
    }

    private static boolean repeats(List<Comparison> comparisons, int i) {
        for (int k = 0; k < comparisons.size(); k++) {
            if (k != i && comparisons.get(k).label().equals(comparisons.get(i).label())) return true;
        }
        return false;
    }
}

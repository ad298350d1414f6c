package org.pocketsim.report.chart;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.Axis;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;

/**
 * One look for every chart: fixed size, white background, light grid, fonts readable at the
 * size the HTML shows them, and a fixed colour cycle (Tableau 10) so that a series keeps its
 * colour from run to run.
 */
final class ChartStyle {

    static final int WIDTH_PX = 960;
    static final int HEIGHT_PX = 600;

    /** Share of the chart's width that horizontal category labels of {@code longest} characters take (at most half). */
    static float categoryLabelShare(int longest) {
        return Math.min(0.5f, (longest * 7.4f + 24f) / WIDTH_PX);
    }

    private static final Color[] PALETTE = {
            new Color(0x4E79A7), new Color(0xF28E2B), new Color(0xE15759), new Color(0x76B7B2),
            new Color(0x59A14F), new Color(0xEDC948), new Color(0xB07AA1), new Color(0xFF9DA7),
            new Color(0x9C755F), new Color(0xBAB0AC)};
    static final Color GRID = new Color(0xDDDDDD);
    static final Color FRONTIER = new Color(0x222222);

    private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 20);
    private static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 15);
    private static final Font TICK = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
    private static final Font LEGEND = new Font(Font.SANS_SERIF, Font.PLAIN, 14);

    private ChartStyle() {
    }

    /** Colour of the {@code i}-th series, cycling through the palette. */
    static Paint colour(int i) {
        return PALETTE[i % PALETTE.length];
    }

    /** Marker of the {@code i}-th series: circle, square, triangle, diamond, large enough to see at page size. */
    static Shape marker(int i) {
        double r = 5.5;
        return switch (i % 4) {
            case 0 -> new Ellipse2D.Double(-r, -r, 2 * r, 2 * r);
            case 1 -> new Rectangle2D.Double(-r + 0.5, -r + 0.5, 2 * r - 1, 2 * r - 1);
            case 2 -> polygon(new double[]{0, r + 1, -r - 1}, new double[]{-r - 1, r, r});
            default -> polygon(new double[]{0, r + 1, 0, -r - 1}, new double[]{-r - 1, 0, r + 1, 0});
        };
    }

    private static Shape polygon(double[] xs, double[] ys) {
        Path2D.Double p = new Path2D.Double();
        p.moveTo(xs[0], ys[0]);
        for (int k = 1; k < xs.length; k++) p.lineTo(xs[k], ys[k]);
        p.closePath();
        return p;
    }

    static BasicStroke line() {
        return new BasicStroke(2.2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    }

    /** The line of a series drawn on top of another: dashed, so both read. */
    static BasicStroke dashedLine() {
        return new BasicStroke(2.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1f, new float[]{7f, 5f}, 0f);
    }

    /** Locale-free tick numbers with grouping: 1,000 and 0.25, never 1E3. */
    static java.text.NumberFormat tickFormat() {
        return new java.text.DecimalFormat("#,##0.###", java.text.DecimalFormatSymbols.getInstance(java.util.Locale.ROOT));
    }

    /**
     * A value axis, logarithmic when asked (labelled at powers of ten, or of two over a narrow
     * range: {@link SpanLogAxis}); both label plain numbers (50, 100, 1,000), never powers of ten.
     */
    static ValueAxis valueAxis(String label, boolean log) {
        if (log) {
            LogAxis axis = new SpanLogAxis(label);
            axis.setSmallestValue(1e-12);
            axis.setNumberFormatOverride(tickFormat());
            axis.setMinorTickMarksVisible(true);
            axis.setAutoTickUnitSelection(false);
            return axis;
        }
        NumberAxis axis = new NumberAxis(label);
        axis.setAutoRangeIncludesZero(false);
        axis.setNumberFormatOverride(tickFormat());
        return axis;
    }

    /** Alt text of a chart image: its kind and the titles (with units) of its value and category axes. */
    static String alt(org.pocketsim.engine.result.ChartType type, String yTitle, String xTitle) {
        String kind = switch (type) {
            case LINE -> "Line chart";
            case SCATTER -> "Scatter chart";
            case PARETO -> "Pareto chart";
            case STACKED_BAR -> "Stacked bar chart";
            case HEATMAP -> "Heatmap";
            case COMPARISON -> "Bar chart";
            case POWER_TIMELINE -> "Stacked area chart";
        };
        return kind + " of " + yTitle + " against " + xTitle;
    }

    static void apply(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        chart.setPadding(new RectangleInsets(8, 8, 8, 16));
        TextTitle title = chart.getTitle();
        if (title != null) title.setFont(TITLE);
        LegendTitle legend = chart.getLegend();
        if (legend != null) {
            legend.setItemFont(LEGEND);
            legend.setPosition(RectangleEdge.BOTTOM);
            legend.setItemLabelPadding(new RectangleInsets(2, 4, 2, 16));
            legend.setFrame(org.jfree.chart.block.BlockBorder.NONE);
        }
        Plot plot = chart.getPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlinePaint(new Color(0xAAAAAA));
        if (plot instanceof XYPlot xy) {
            xy.setDomainGridlinePaint(GRID);
            xy.setRangeGridlinePaint(GRID);
            for (int i = 0; i < xy.getDomainAxisCount(); i++) axis(xy.getDomainAxis(i));
            for (int i = 0; i < xy.getRangeAxisCount(); i++) axis(xy.getRangeAxis(i));
        } else if (plot instanceof CategoryPlot cat) {
            cat.setRangeGridlinePaint(GRID);
            axis(cat.getDomainAxis());
            axis(cat.getRangeAxis());
        }
    }

    private static void axis(Axis axis) {
        if (axis == null) return;
        axis.setLabelFont(LABEL);
        axis.setTickLabelFont(TICK);
    }
}

package org.pocketsim.report.chart;

import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.pocketsim.engine.result.ChartSpec;
import org.pocketsim.engine.result.ChartType;
import org.pocketsim.engine.result.ExperimentResult;
import org.pocketsim.engine.result.PointResult;
import org.pocketsim.engine.result.ReportSpec;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Draws one {@link ChartSpec} of an experiment to a PNG of fixed size ({@value ChartStyle#WIDTH_PX}
 * x {@value ChartStyle#HEIGHT_PX}), headless. The same results give the same bytes.
 */
public final class ChartRenderer {

    static {
        // Reports are drawn on servers and in CI: never try to open a display.
        if (System.getProperty("java.awt.headless") == null) System.setProperty("java.awt.headless", "true");
    }

    /** The registry: one line per chart kind. */
    private static final Map<ChartType, Chart> CHARTS = new EnumMap<>(ChartType.class);

    static {
        register(new XyChart(ChartType.LINE));
        register(new XyChart(ChartType.SCATTER));
        register(new ParetoChart());
        register(new StackedBarChart());
        register(new HeatmapChart());
        register(new ComparisonChart());
    }

    private ChartRenderer() {
    }

    private static void register(Chart chart) {
        CHARTS.put(chart.type(), chart);
    }

    public static int widthPx() {
        return ChartStyle.WIDTH_PX;
    }

    public static int heightPx() {
        return ChartStyle.HEIGHT_PX;
    }

    /** File name of a chart's PNG inside the report folder. */
    public static String fileName(ChartSpec spec) {
        return "chart-" + ReportSpec.slug(spec.title()) + ".png";
    }

    /**
     * The points a chart draws: those passing its filter, in index order; an error when none do.
     * A comparison chart draws the comparisons instead, and needs at least one.
     */
    public static List<PointResult> select(ChartSpec spec, ExperimentResult result) {
        if (spec.type() == ChartType.COMPARISON) {
            if (result.comparisons().isEmpty()) {
                throw new IllegalArgumentException("chart '" + spec.title() + "': the experiment has no comparisons");
            }
            return result.points();
        }
        List<PointResult> points = result.points().stream().filter(p -> spec.accepts(p.parameters())).toList();
        if (points.isEmpty()) {
            throw new IllegalArgumentException("chart '" + spec.title() + "': no point matches "
                    + (spec.filter().isEmpty() ? "(the experiment has no points)" : "filter " + spec.filter()));
        }
        return points;
    }

    /** Builds and styles the chart without writing it. */
    public static JFreeChart build(ChartSpec spec, ExperimentResult result) {
        JFreeChart chart = CHARTS.get(spec.type()).build(spec, result, select(spec, result));
        ChartStyle.apply(chart);
        return chart;
    }

    /** Writes the chart to {@code png}, replacing any file there. */
    public static void render(ChartSpec spec, ExperimentResult result, Path png) throws IOException {
        JFreeChart chart = build(spec, result);
        try (OutputStream out = Files.newOutputStream(png)) {
            ChartUtils.writeChartAsPNG(out, chart, ChartStyle.WIDTH_PX, ChartStyle.HEIGHT_PX);
        }
    }
}

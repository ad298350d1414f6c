package org.pocketsim.report.chart;

import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;
import org.pocketsim.engine.result.ChartSpec;
import org.pocketsim.engine.result.ChartType;
import org.pocketsim.engine.result.ExperimentResult;
import org.pocketsim.engine.result.PointResult;
import org.pocketsim.engine.result.ReportSpec;

import java.awt.Rectangle;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Draws one {@link ChartSpec} of an experiment, headless, to a PNG and an SVG of the same
 * size ({@value ChartStyle#WIDTH_PX} px wide, as tall as the chart's rows need). The same
 * results give the same bytes.
 */
public final class ChartRenderer {

    static {
        // Reports are drawn on servers and in CI: never try to open a display.
        if (System.getProperty("java.awt.headless") == null) System.setProperty("java.awt.headless", "true");
    }

    /** Title of the relative-error chart a report with comparisons gets when its spec lists none. */
    public static final String DEFAULT_COMPARISON_TITLE = "Relative error against published measurements";

    /** The registry: one line per chart kind. */
    private static final Map<ChartType, Chart> CHARTS = new EnumMap<>(ChartType.class);

    static {
        register(new XyChart(ChartType.LINE));
        register(new XyChart(ChartType.SCATTER));
        register(new ParetoChart());
        register(new StackedBarChart());
        register(new HeatmapChart());
        register(new ComparisonChart());
        register(new PowerTimelineChart());
    }

    private ChartRenderer() {
    }

    private static void register(Chart chart) {
        CHARTS.put(chart.type(), chart);
    }

    public static int widthPx() {
        return ChartStyle.WIDTH_PX;
    }

    /** File name of a chart's PNG inside the report folder. */
    public static String fileName(ChartSpec spec) {
        return "chart-" + ReportSpec.slug(spec.title()) + ".png";
    }

    /** File name of a chart's SVG inside the report folder. */
    public static String svgFileName(ChartSpec spec) {
        return "chart-" + ReportSpec.slug(spec.title()) + ".svg";
    }

    /**
     * The charts a report draws: the spec's, plus a relative-error chart when the experiment has
     * comparisons and the spec lists no comparison chart.
     */
    public static List<ChartSpec> charts(ExperimentResult result) {
        List<ChartSpec> out = new ArrayList<>(result.report().charts());
        boolean listed = out.stream().anyMatch(c -> c.type() == ChartType.COMPARISON);
        if (!result.comparisons().isEmpty() && !listed) {
            out.add(ChartSpec.of(ChartType.COMPARISON, DEFAULT_COMPARISON_TITLE, null, List.of(), null));
        }
        return out;
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
        List<PointResult> points = result.points().stream().filter(p -> accepts(spec, p)).toList();
        if (points.isEmpty()) {
            throw new IllegalArgumentException("chart '" + spec.title() + "': no point matches "
                    + (spec.filter().isEmpty() ? "(the experiment has no points)" : "filter " + spec.filter()));
        }
        return points;
    }

    private static boolean accepts(ChartSpec spec, PointResult p) {
        return org.pocketsim.report.data.ParamLookup.matches(p, spec.filter());
    }

    /**
     * Builds and styles the chart without writing it. A heatmap leaves out the points that carry
     * none of its per-layer series (a dense baseline has no per-layer hit rate) and says so in its
     * caption; when no point carries them, that is an error naming one. Line, scatter and Pareto
     * charts do the same for their x and y metrics in {@link Xy#carrying}.
     */
    public static ChartDrawing build(ChartSpec spec, ExperimentResult result) {
        List<PointResult> selected = select(spec, result);
        List<PointResult> drawn = carryingY(spec, selected);
        ChartDrawing drawing = CHARTS.get(spec.type()).build(spec, result, drawn.isEmpty() ? selected : drawn);
        if (!drawn.isEmpty() && drawn.size() < selected.size()) {
            List<String> notes = new java.util.ArrayList<>(drawing.notes());
            notes.add(leftOutNote(spec, selected, drawn));
            drawing = new ChartDrawing(drawing.chart(), drawing.width(), drawing.height(), drawing.alt(), notes);
        }
        ChartStyle.apply(drawing.chart());
        return drawing;
    }

    /** The points of a heatmap that carry its per-layer series; other chart types keep every point here. */
    private static List<PointResult> carryingY(ChartSpec spec, List<PointResult> points) {
        if (spec.type() != ChartType.HEATMAP || spec.y().isEmpty()) return points;
        return points.stream().filter(p -> spec.y().stream().allMatch(y -> p.series().containsKey(y))).toList();
    }

    private static String leftOutNote(ChartSpec spec, List<PointResult> selected, List<PointResult> drawn) {
        java.util.Set<Integer> kept = new java.util.HashSet<>();
        for (PointResult p : drawn) kept.add(p.index());
        java.util.Set<String> runs = new java.util.LinkedHashSet<>();
        for (PointResult p : selected) {
            if (!kept.contains(p.index())) runs.add(p.parameters().getOrDefault("run", "point " + p.index()));
        }
        int left = selected.size() - drawn.size();
        return left + (left == 1 ? " point" : " points") + " without " + String.join(", ", spec.y())
                + (left == 1 ? " is" : " are") + " not drawn (" + String.join("; ", runs) + ").";
    }

    /** Writes the chart to {@code dir} as PNG and SVG, replacing files there; returns what was drawn. */
    public static ChartDrawing render(ChartSpec spec, ExperimentResult result, Path dir) throws IOException {
        ChartDrawing drawing = build(spec, result);
        JFreeChart chart = drawing.chart();
        try (OutputStream out = Files.newOutputStream(dir.resolve(fileName(spec)))) {
            ChartUtils.writeChartAsPNG(out, chart, drawing.width(), drawing.height());
        }
        SVGGraphics2D svg = new SVGGraphics2D(drawing.width(), drawing.height());
        svg.setDefsKeyPrefix("pocketsim-" + ReportSpec.slug(spec.title()));
        chart.draw(svg, new Rectangle(drawing.width(), drawing.height()));
        Files.writeString(dir.resolve(svgFileName(spec)), svg.getSVGDocument(), StandardCharsets.UTF_8);
        return drawing;
    }
}

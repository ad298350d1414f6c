package org.pocketsim.report.chart;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTitleAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StackedXYAreaRenderer2;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.xy.DefaultTableXYDataset;
import org.jfree.data.xy.XYSeries;
import org.pocketsim.engine.result.ChartSpec;
import org.pocketsim.engine.result.ChartType;
import org.pocketsim.engine.result.ExperimentResult;
import org.pocketsim.engine.result.MetricCatalogue;
import org.pocketsim.engine.result.Metrics;
import org.pocketsim.engine.result.PointResult;

import java.awt.Color;
import java.awt.Font;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Power against time through the whole run of each point that has a window (start-up, cold
 * load, prefill, decode): one panel per point, power stacked by component (SoC floor, CPU, NPU,
 * GPU, DRAM, flash), one shared time axis in seconds. Each phase is drawn as a step at its average
 * power; the panel names the point, its average power and its window energy. Points without a
 * window are left out (the caption says how many); a component that is 0 in every panel is left
 * out of the legend.
 */
final class PowerTimelineChart implements Chart {

    static final String[] PHASES = {"startup", "load", "prefill", "decode"};
    static final String[] COMPONENTS = {"floor", "cpu", "npu", "gpu", "dram", "flash"};
    private static final String[] COMPONENT_LABELS = {"SoC floor", "CPU cluster", "NPU", "GPU", "DRAM", "Flash"};
    /** Px per panel, and the canvas around the panels (title, time axis, legend). */
    static final int PANEL_PX = 150;
    static final int FRAME_PX = 170;
    /** A step's right edge stops this far (s) before the next phase's start, so every x is distinct. */
    private static final double EDGE_S = 1e-6;

    @Override
    public ChartType type() {
        return ChartType.POWER_TIMELINE;
    }

    @Override
    public ChartDrawing build(ChartSpec spec, ExperimentResult result, List<PointResult> points) {
        List<PointResult> windows = points.stream().filter(p -> p.hasMetric(Metrics.WINDOW_MS)).toList();
        if (windows.isEmpty()) {
            throw new IllegalArgumentException("chart '" + spec.title() + "': no point has a whole-run window"
                    + " (set run.window on the decode runs to draw)");
        }
        List<Integer> shown = new ArrayList<>();
        for (int c = 0; c < COMPONENTS.length; c++) {
            for (PointResult p : windows) {
                if (power(p, PHASES, COMPONENTS[c]) > 0) {
                    shown.add(c);
                    break;
                }
            }
        }
        List<String> labels = StackedBarChart.uniqueLabels(spec, windows);
        NumberAxis time = new NumberAxis(spec.xLabel() != null ? spec.xLabel() : "Time from start of window (s)");
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(time);
        plot.setGap(12);
        for (int i = 0; i < windows.size(); i++) {
            plot.add(panel(windows.get(i), labels.get(i), shown, i == 0, spec.yLabel()), 1);
        }
        JFreeChart chart = new JFreeChart(spec.title(), null, plot, true);
        List<String> notes = new ArrayList<>();
        notes.add("Each phase is drawn at its average power; phases shorter than the line width do not show"
                + " (the load of a small model from UFS takes tens of ms).");
        if (windows.size() < points.size()) {
            notes.add((points.size() - windows.size()) + " point(s) without a whole-run window are not drawn.");
        }
        int height = FRAME_PX + PANEL_PX * windows.size();
        return new ChartDrawing(chart, ChartStyle.WIDTH_PX, height,
                ChartStyle.alt(ChartType.POWER_TIMELINE, "power (W) by component", "time (s), one panel per run"), notes);
    }

    /** One point's panel: a stacked step area per shown component over its phases. */
    private static XYPlot panel(PointResult p, String label, List<Integer> shown, boolean legend, String yLabel) {
        DefaultTableXYDataset data = new DefaultTableXYDataset();
        for (int c : shown) {
            XYSeries series = new XYSeries(COMPONENT_LABELS[c], false, false);
            double start = 0;
            for (String phase : PHASES) {
                double seconds = p.metric(MetricCatalogue.PHASE_MS_FAMILY + phase) / 1e3;
                if (seconds <= 2 * EDGE_S) continue;
                double watts = watts(p, phase, COMPONENTS[c]);
                series.add(start, watts);
                series.add(start + seconds - EDGE_S, watts);
                start += seconds;
            }
            data.addSeries(series);
        }
        StackedXYAreaRenderer2 renderer = new StackedXYAreaRenderer2();
        for (int s = 0; s < shown.size(); s++) {
            renderer.setSeriesPaint(s, ChartStyle.colour(shown.get(s)));
            renderer.setSeriesVisibleInLegend(s, legend);
        }
        NumberAxis watts = new NumberAxis(yLabel != null ? yLabel : "Power (W)");
        watts.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        watts.setTickLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        watts.setAutoRangeIncludesZero(true);
        watts.setUpperMargin(0.35);
        XYPlot panel = new XYPlot(data, null, watts, renderer);
        panel.setBackgroundPaint(Color.WHITE);
        panel.setRangeGridlinePaint(ChartStyle.GRID);
        panel.setDomainGridlinePaint(ChartStyle.GRID);
        TextTitle name = new TextTitle(String.format(Locale.ROOT, "%s: %.2f W average, %.1f J",
                label, p.metric(Metrics.AVERAGE_POWER_W), p.metric(Metrics.WINDOW_ENERGY_J)),
                new Font(Font.SANS_SERIF, Font.BOLD, 12));
        name.setBackgroundPaint(new Color(255, 255, 255, 220));
        name.setPadding(new RectangleInsets(1, 4, 1, 4));
        panel.addAnnotation(new XYTitleAnnotation(0.005, 0.99, name, RectangleAnchor.TOP_LEFT));
        return panel;
    }

    /** Sum of a component's power over the given phases (only its sign matters: drawn or not). */
    private static double power(PointResult p, String[] phases, String component) {
        double sum = 0;
        for (String phase : phases) sum += watts(p, phase, component);
        return sum;
    }

    /** A component's average power in a phase; 0 where the point has no such metric (the GPU's, in results stored before it existed). */
    private static double watts(PointResult p, String phase, String component) {
        String name = MetricCatalogue.POWER_W_FAMILY + phase + "." + component;
        return p.hasMetric(name) ? p.metric(name) : 0;
    }
}

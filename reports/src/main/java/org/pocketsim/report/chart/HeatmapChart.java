package org.pocketsim.report.chart;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.xy.DefaultXYZDataset;
import org.pocketsim.engine.result.ChartSpec;
import org.pocketsim.engine.result.ChartType;
import org.pocketsim.engine.result.ExperimentResult;
import org.pocketsim.engine.result.MetricCatalogue;
import org.pocketsim.engine.result.PointResult;
import org.pocketsim.report.data.DisplayUnit;

import java.awt.Font;
import java.util.List;

/**
 * A per-layer series (e.g. hit rate by layer) of every point: one row per point, labelled whole
 * on the left with what distinguishes it, layers across, the value as colour with a scale bar
 * on the right. The canvas grows with the rows, so each row stays a readable band. All points
 * must carry the series with the same number of layers.
 */
final class HeatmapChart implements Chart {

    static final int ROW_PX = 30;
    static final int FRAME_PX = 150;

    @Override
    public ChartType type() {
        return ChartType.HEATMAP;
    }

    @Override
    public ChartDrawing build(ChartSpec spec, ExperimentResult result, List<PointResult> points) {
        String name = spec.y().get(0);
        int rows = points.size();
        int layers = -1;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        double[][] cells = null;
        String stored = MetricCatalogue.find(name).map(MetricCatalogue.Metric::unit).orElse("");
        for (int r = 0; r < rows; r++) {
            PointResult p = points.get(r);
            if (!p.series().containsKey(name)) {
                throw new IllegalArgumentException("chart '" + spec.title() + "': point " + p.index() + " has no series '"
                        + name + "'; it has " + p.series().keySet());
            }
            double[] v = p.seriesValues(name);
            if (layers < 0) {
                layers = v.length;
                if (layers == 0) throw new IllegalArgumentException("chart '" + spec.title() + "': series '" + name + "' is empty");
                cells = new double[3][rows * layers];
            } else if (v.length != layers) {
                throw new IllegalArgumentException("chart '" + spec.title() + "': point " + p.index() + " has " + v.length
                        + " layers in '" + name + "', earlier points have " + layers);
            }
            for (int l = 0; l < layers; l++) {
                int k = r * layers + l;
                cells[0][k] = l;
                cells[1][k] = rows - 1 - r;
                cells[2][k] = v[l];
                min = Math.min(min, v[l]);
                max = Math.max(max, v[l]);
            }
        }
        DisplayUnit unit = DisplayUnit.pick(stored, Math.max(Math.abs(min), Math.abs(max)));
        for (int k = 0; k < cells[2].length; k++) cells[2][k] = unit.shown(cells[2][k]);
        double lo = unit.shown(min);
        double hi = unit.shown(max);
        if (hi == lo) hi = lo + 1;
        DefaultXYZDataset data = new DefaultXYZDataset();
        data.addSeries(name, cells);
        XYBlockRenderer renderer = new XYBlockRenderer();
        GradientPaintScale scale = new GradientPaintScale(lo, hi);
        renderer.setPaintScale(scale);

        List<String> labels = StackedBarChart.uniqueLabels(spec, points);
        String[] symbols = new String[rows];
        for (int r = 0; r < rows; r++) symbols[rows - 1 - r] = labels.get(r);
        SymbolAxis rowAxis = new SymbolAxis(spec.xLabel(), symbols);
        rowAxis.setGridBandsVisible(false);
        rowAxis.setRange(-0.5, rows - 0.5);
        NumberAxis layerAxis = new NumberAxis("Layer");
        layerAxis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        layerAxis.setRange(-0.5, layers - 0.5);
        XYPlot plot = new XYPlot(data, layerAxis, rowAxis, renderer);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);

        JFreeChart chart = new JFreeChart(spec.title(), null, plot, false);
        String title = spec.yLabel() != null ? spec.yLabel() : unit.title(MetricCatalogue.labelOf(name));
        NumberAxis scaleAxis = new NumberAxis(title);
        scaleAxis.setRange(lo, hi);
        scaleAxis.setNumberFormatOverride(ChartStyle.tickFormat());
        scaleAxis.setTickLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        scaleAxis.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 15));
        PaintScaleLegend legend = new PaintScaleLegend(scale, scaleAxis);
        legend.setPosition(RectangleEdge.RIGHT);
        legend.setMargin(new RectangleInsets(8, 12, 8, 4));
        legend.setStripWidth(18);
        legend.setSubdivisionCount(128);
        chart.addSubtitle(legend);
        int height = Math.max(300, FRAME_PX + ROW_PX * rows);
        return new ChartDrawing(chart, ChartStyle.WIDTH_PX, height,
                ChartStyle.alt(ChartType.HEATMAP, title + " by layer (colour)", "layer, one row per point"), List.of());
    }
}

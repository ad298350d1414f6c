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
import org.pocketsim.engine.result.PointResult;

import java.awt.Font;
import java.util.List;

/**
 * A per-layer series (e.g. hit rate by layer) of every point: points across, layers up,
 * the value as colour with a scale bar on the right. All points must carry the series with
 * the same number of layers.
 */
final class HeatmapChart implements Chart {

    /** Above this many columns the point labels turn vertical. */
    private static final int HORIZONTAL_LABELS_MAX = 6;

    @Override
    public ChartType type() {
        return ChartType.HEATMAP;
    }

    @Override
    public JFreeChart build(ChartSpec spec, ExperimentResult result, List<PointResult> points) {
        String name = spec.y().get(0);
        int columns = points.size();
        int layers = -1;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        double[][] cells = null;
        for (int c = 0; c < columns; c++) {
            PointResult p = points.get(c);
            if (!p.series().containsKey(name)) {
                throw new IllegalArgumentException("chart '" + spec.title() + "': point " + p.index() + " has no series '"
                        + name + "'; it has " + p.series().keySet());
            }
            double[] v = p.seriesValues(name);
            if (layers < 0) {
                layers = v.length;
                if (layers == 0) throw new IllegalArgumentException("chart '" + spec.title() + "': series '" + name + "' is empty");
                cells = new double[3][columns * layers];
            } else if (v.length != layers) {
                throw new IllegalArgumentException("chart '" + spec.title() + "': point " + p.index() + " has " + v.length
                        + " layers in '" + name + "', earlier points have " + layers);
            }
            for (int l = 0; l < layers; l++) {
                int k = c * layers + l;
                cells[0][k] = c;
                cells[1][k] = l;
                cells[2][k] = v[l];
                min = Math.min(min, v[l]);
                max = Math.max(max, v[l]);
            }
        }
        if (max == min) {
            max = min + 1;
        }
        DefaultXYZDataset data = new DefaultXYZDataset();
        data.addSeries(name, cells);
        XYBlockRenderer renderer = new XYBlockRenderer();
        GradientPaintScale scale = new GradientPaintScale(min, max);
        renderer.setPaintScale(scale);

        SymbolAxis xAxis = new SymbolAxis(spec.xLabel(),
                StackedBarChart.uniqueLabels(spec, points).toArray(String[]::new));
        xAxis.setGridBandsVisible(false);
        xAxis.setVerticalTickLabels(columns > HORIZONTAL_LABELS_MAX);
        xAxis.setRange(-0.5, columns - 0.5);
        NumberAxis yAxis = new NumberAxis("layer");
        yAxis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        yAxis.setRange(-0.5, layers - 0.5);
        XYPlot plot = new XYPlot(data, xAxis, yAxis, renderer);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);

        JFreeChart chart = new JFreeChart(spec.title(), null, plot, false);
        NumberAxis scaleAxis = new NumberAxis(spec.yLabel());
        scaleAxis.setRange(min, max);
        scaleAxis.setTickLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        scaleAxis.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 15));
        PaintScaleLegend legend = new PaintScaleLegend(scale, scaleAxis);
        legend.setPosition(RectangleEdge.RIGHT);
        legend.setMargin(new RectangleInsets(8, 12, 8, 4));
        legend.setStripWidth(18);
        legend.setSubdivisionCount(128);
        chart.addSubtitle(legend);
        return chart;
    }
}

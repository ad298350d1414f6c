package org.pocketsim.report.chart;

import org.jfree.chart.JFreeChart;

import java.util.List;

/**
 * A built chart and what the page says about it.
 *
 * @param chart  the JFreeChart, styled
 * @param width  canvas width in px
 * @param height canvas height in px, sized to the chart's rows
 * @param alt    the image's alt text: kind, y axis and x axis titles with units
 * @param notes  sentences for the caption (axes chosen logarithmic, series that coincide, splits made)
 */
public record ChartDrawing(JFreeChart chart, int width, int height, String alt, List<String> notes) {

    public ChartDrawing {
        notes = List.copyOf(notes);
    }
}

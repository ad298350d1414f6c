package org.pocketsim.report.chart;

import org.pocketsim.engine.result.ChartSpec;
import org.pocketsim.engine.result.ChartType;
import org.pocketsim.engine.result.ExperimentResult;
import org.pocketsim.engine.result.PointResult;

import java.util.List;

/**
 * The chart seam: one kind of chart drawn from the points a {@link ChartSpec} selects.
 * {@link ChartRenderer} selects the points (the spec's filter), styles the chart and writes
 * the PNG and SVG; an implementation maps points to a JFreeChart, sized to its rows, with
 * axis titles from the metric catalogue, alt text and caption notes. A new kind is one class here
 * plus one line in {@link ChartRenderer}'s registry.
 */
public interface Chart {

    /** The chart type this implementation draws. */
    ChartType type();

    /**
     * Builds the chart. {@code points} are the points the spec selects: non-empty, filtered, in
     * index order; {@code result} is the whole experiment, for charts of what is not per point.
     *
     * @throws IllegalArgumentException naming the chart and point when a named metric,
     *                                  parameter or series is missing or unusable
     */
    ChartDrawing build(ChartSpec spec, ExperimentResult result, List<PointResult> points);
}

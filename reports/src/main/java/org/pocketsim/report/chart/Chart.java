package org.pocketsim.report.chart;

import org.jfree.chart.JFreeChart;
import org.pocketsim.engine.result.ChartSpec;
import org.pocketsim.engine.result.ChartType;
import org.pocketsim.engine.result.PointResult;

import java.util.List;

/**
 * The chart seam: one kind of chart drawn from the points a {@link ChartSpec} selects.
 * {@link ChartRenderer} selects the points (the spec's filter), styles the chart and writes
 * the PNG; an implementation only maps points to a JFreeChart. A new kind is one class here
 * plus one line in {@link ChartRenderer}'s registry.
 */
public interface Chart {

    /** The chart type this implementation draws. */
    ChartType type();

    /**
     * Builds the chart. {@code points} are non-empty, already filtered, in index order.
     *
     * @throws IllegalArgumentException naming the chart and point when a named metric,
     *                                  parameter or series is missing or unusable
     */
    JFreeChart build(ChartSpec spec, List<PointResult> points);
}

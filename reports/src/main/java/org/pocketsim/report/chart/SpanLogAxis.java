package org.pocketsim.report.chart;

import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.ui.RectangleEdge;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.List;

/**
 * A logarithmic axis labelled at powers of ten, or, where its range spans under two decades (bits
 * per weight from 1.6 to 16), at powers of two (1, 2, 4, 8, 16): a decade-only axis would label
 * one value or none there, and a reader could not place a point.
 */
final class SpanLogAxis extends LogAxis {

    private static final long serialVersionUID = 1L;
    /** Below this many decades the labels step by a factor of two. */
    static final double NARROW_DECADES = 2;
    private static final NumberTickUnit DECADE = new NumberTickUnit(1.0);
    private static final NumberTickUnit DOUBLING = new NumberTickUnit(Math.log10(2));

    SpanLogAxis(String label) {
        super(label);
    }

    @Override
    @SuppressWarnings("rawtypes")
    public List refreshTicks(Graphics2D g2, AxisState state, Rectangle2D dataArea, RectangleEdge edge) {
        boolean narrow = calculateLog(getUpperBound()) - calculateLog(getLowerBound()) < NARROW_DECADES;
        setTickUnit(narrow ? DOUBLING : DECADE, false, false);
        setMinorTickCount(narrow ? 1 : 9);
        return super.refreshTicks(g2, state, dataArea, edge);
    }
}

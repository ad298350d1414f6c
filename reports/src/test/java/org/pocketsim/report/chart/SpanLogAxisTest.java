package org.pocketsim.report.chart;

import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.LogTick;
import org.jfree.chart.axis.TickType;
import org.jfree.chart.axis.ValueTick;
import org.jfree.chart.ui.RectangleEdge;
import org.junit.jupiter.api.Test;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A log axis over a narrow range is labelled at powers of two, a wide one at powers of ten. */
class SpanLogAxisTest {

    @Test
    void bitsPerWeightFromOneAndAHalfToSixteenAreLabelledAtPowersOfTwo() {
        assertThat(labels(1.5, 17)).containsExactly("2", "4", "8", "16");
    }

    @Test
    void aRangeOfFourDecadesIsLabelledAtPowersOfTen() {
        assertThat(labels(0.05, 2000)).containsExactly("0.1", "1", "10", "100", "1,000");
    }

    private static List<String> labels(double lower, double upper) {
        SpanLogAxis axis = (SpanLogAxis) ChartStyle.valueAxis("x", true);
        axis.setRange(lower, upper);
        Graphics2D g = new BufferedImage(800, 400, BufferedImage.TYPE_INT_RGB).createGraphics();
        @SuppressWarnings("unchecked")
        List<ValueTick> ticks = axis.refreshTicks(g, new AxisState(), new Rectangle2D.Double(0, 0, 800, 400), RectangleEdge.BOTTOM);
        return ticks.stream().filter(t -> t.getTickType() == TickType.MAJOR).filter(t -> t.getValue() >= lower && t.getValue() <= upper)
                .map(t -> text(((LogTick) t).getAttributedLabel())).toList();
    }

    private static String text(java.text.AttributedString label) {
        StringBuilder b = new StringBuilder();
        java.text.AttributedCharacterIterator it = label.getIterator();
        for (char c = it.first(); c != java.text.CharacterIterator.DONE; c = it.next()) b.append(c);
        return b.toString();
    }
}

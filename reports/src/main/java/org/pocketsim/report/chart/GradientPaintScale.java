package org.pocketsim.report.chart;

import org.jfree.chart.renderer.PaintScale;

import java.awt.Color;
import java.awt.Paint;
import java.io.Serializable;

/**
 * A perceptually ordered colour ramp (five stops sampled from viridis) over [lower, upper];
 * values outside are clamped. Dark is low, yellow is high.
 */
final class GradientPaintScale implements PaintScale, Serializable {

    private static final long serialVersionUID = 1L;
    private static final int[] STOPS = {0x440154, 0x3B528B, 0x21918C, 0x5EC962, 0xFDE725};

    private final double lower;
    private final double upper;

    GradientPaintScale(double lower, double upper) {
        if (!(upper > lower)) throw new IllegalArgumentException("upper " + upper + " must exceed lower " + lower);
        this.lower = lower;
        this.upper = upper;
    }

    @Override
    public double getLowerBound() {
        return lower;
    }

    @Override
    public double getUpperBound() {
        return upper;
    }

    @Override
    public Paint getPaint(double value) {
        double t = Math.max(0, Math.min(1, (value - lower) / (upper - lower)));
        double pos = t * (STOPS.length - 1);
        int i = Math.min((int) pos, STOPS.length - 2);
        double f = pos - i;
        return new Color(mix(STOPS[i] >> 16, STOPS[i + 1] >> 16, f), mix(STOPS[i] >> 8, STOPS[i + 1] >> 8, f),
                mix(STOPS[i], STOPS[i + 1], f));
    }

    private static int mix(int a, int b, double f) {
        int ca = a & 0xFF;
        int cb = b & 0xFF;
        return (int) Math.round(ca + (cb - ca) * f);
    }
}

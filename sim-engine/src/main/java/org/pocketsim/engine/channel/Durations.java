package org.pocketsim.engine.channel;

/** Conversions from amounts and rates to integer picoseconds, shared by channels and components. */
public final class Durations {

    /** Picoseconds per second. */
    public static final double PS_PER_SECOND = 1e12;

    /** Values within this many ps of an integer are taken as that integer (floating-point noise). */
    private static final double SNAP_PS = 1e-3;

    private Durations() {
    }

    /** Time to move {@code bytes} at {@code bytesPerSecond}: ceil(bytes x 1e12 / rate) ps. */
    public static long psFor(long bytes, double bytesPerSecond) {
        if (bytes < 0) {
            throw new IllegalArgumentException("bytes must be >= 0, got " + bytes);
        }
        if (!(bytesPerSecond > 0.0) || Double.isInfinite(bytesPerSecond)) {
            throw new IllegalArgumentException("bandwidth must be positive and finite, got " + bytesPerSecond);
        }
        return ceilPs(bytes * PS_PER_SECOND / bytesPerSecond);
    }

    /** Rounds a duration up to whole ps, snapping values within 0.001 ps of an integer to it. */
    public static long ceilPs(double ps) {
        long nearest = Math.round(ps);
        if (Math.abs(ps - nearest) <= SNAP_PS) {
            return nearest;
        }
        return (long) Math.ceil(ps);
    }
}

package org.pocketsim.engine.component;

import org.pocketsim.engine.channel.Durations;

/** Shared arithmetic of compute models: MACs at a rate to ps, utilisation checks. */
final class ComputeRates {

    private ComputeRates() {
    }

    /** ceil(macs x 1e12 / macsPerSecond), ps. */
    static long psFor(long macs, double macsPerSecond) {
        if (macs < 0) {
            throw new IllegalArgumentException("MAC count must be >= 0, got " + macs);
        }
        return Durations.ceilPs(macs * Durations.PS_PER_SECOND / macsPerSecond);
    }

    static double utilisation(double value, String field) {
        if (!(value > 0.0 && value <= 1.0)) {
            throw new IllegalArgumentException(field + " must be in (0, 1], got " + value);
        }
        return value;
    }
}

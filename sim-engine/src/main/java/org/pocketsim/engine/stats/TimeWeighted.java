package org.pocketsim.engine.stats;

import java.util.Map;

/**
 * Time-weighted average of a piecewise-constant level (requests in service, busy 0/1, queue
 * length). The level holds from each {@link #set} until the next; the mean over [start, now]
 * is the integral of the level divided by the elapsed time. Utilisation is the mean of a
 * busy indicator, or of (in service / servers).
 */
public final class TimeWeighted implements Statistic {

    private final long startPs;
    private long lastPs;
    private double level;
    private double integralPsLevel;
    private double maxLevel;

    public TimeWeighted(long startPs) {
        this.startPs = startPs;
        this.lastPs = startPs;
    }

    /** Sets the level from {@code nowPs} on; time must not go backwards. */
    public void set(long nowPs, double newLevel) {
        advance(nowPs);
        level = newLevel;
        maxLevel = Math.max(maxLevel, newLevel);
    }

    /** Current level. */
    public double level() {
        return level;
    }

    /** Largest level set so far. */
    public double max() {
        return maxLevel;
    }

    /** Mean level over [start, nowPs]; 0 when no time has elapsed. */
    public double mean(long nowPs) {
        if (nowPs < lastPs) {
            throw new IllegalArgumentException("time " + nowPs + " ps is before last update " + lastPs + " ps");
        }
        double integral = integralPsLevel + level * (nowPs - lastPs);
        long elapsed = nowPs - startPs;
        return elapsed == 0 ? 0.0 : integral / elapsed;
    }

    private void advance(long nowPs) {
        if (nowPs < lastPs) {
            throw new IllegalArgumentException("time " + nowPs + " ps is before last update " + lastPs + " ps");
        }
        integralPsLevel += level * (nowPs - lastPs);
        lastPs = nowPs;
    }

    @Override
    public void report(String key, long nowPs, Map<String, Double> out) {
        out.put(key + ".mean", mean(nowPs));
        out.put(key + ".max", maxLevel);
    }
}

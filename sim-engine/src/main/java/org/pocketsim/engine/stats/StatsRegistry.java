package org.pocketsim.engine.stats;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The statistics of one run, registered per component under "component.name" keys. A
 * component creates its statistics once at construction and updates them directly (no map
 * lookup on hot paths); {@link #snapshot} reads them all at the end, sorted by key.
 */
public final class StatsRegistry {

    private final Map<String, Statistic> statistics = new LinkedHashMap<>();

    public Counter counter(String component, String name) {
        return register(component, name, new Counter());
    }

    public TimeWeighted timeWeighted(String component, String name, long startPs) {
        return register(component, name, new TimeWeighted(startPs));
    }

    public Histogram histogram(String component, String name) {
        return register(component, name, new Histogram());
    }

    /** Registers any statistic; a key registered twice is an error. */
    public <T extends Statistic> T register(String component, String name, T statistic) {
        if (component == null || component.isBlank() || name == null || name.isBlank()) {
            throw new IllegalArgumentException("statistic needs a component and a name, got '"
                    + component + "' and '" + name + "'");
        }
        String key = component + "." + name;
        if (statistics.putIfAbsent(key, statistic) != null) {
            throw new IllegalArgumentException("statistic '" + key + "' is already registered");
        }
        return statistic;
    }

    /** The statistic registered under "component.name", or an error naming the key. */
    public Statistic get(String component, String name) {
        Statistic statistic = statistics.get(component + "." + name);
        if (statistic == null) {
            throw new IllegalArgumentException("no statistic '" + component + "." + name + "'");
        }
        return statistic;
    }

    /** All values at {@code nowPs}, sorted by key. */
    public Map<String, Double> snapshot(long nowPs) {
        Map<String, Double> out = new TreeMap<>();
        statistics.forEach((key, statistic) -> statistic.report(key, nowPs, out));
        return out;
    }
}

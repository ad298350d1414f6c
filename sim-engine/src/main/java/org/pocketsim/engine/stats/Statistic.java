package org.pocketsim.engine.stats;

import java.util.Map;

/** A statistic a component keeps during a run and reports as named numbers at its end. */
public interface Statistic {

    /** Puts this statistic's values into {@code out}, keys starting with {@code key}. */
    void report(String key, long nowPs, Map<String, Double> out);
}

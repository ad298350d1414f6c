package org.pocketsim.engine.stats;

import java.util.Map;

/** A count of actions or amounts (requests, bytes, MACs) accumulated during a run. */
public final class Counter implements Statistic {

    private long value;

    public void increment() {
        value++;
    }

    /** Adds {@code amount} (>= 0; counters only grow). */
    public void add(long amount) {
        if (amount < 0) {
            throw new IllegalArgumentException("counter amount must be >= 0, got " + amount);
        }
        value += amount;
    }

    public long value() {
        return value;
    }

    @Override
    public void report(String key, long nowPs, Map<String, Double> out) {
        out.put(key, (double) value);
    }
}

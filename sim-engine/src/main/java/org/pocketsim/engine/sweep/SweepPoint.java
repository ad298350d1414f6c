package org.pocketsim.engine.sweep;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Map;

/**
 * One point of a sweep: the run spec tree with the point's values applied, the values that
 * distinguish it, its own seed, and a hash that identifies its result for resuming.
 *
 * @param index      position in the sweep (stable for a given spec)
 * @param parameters swept field path to the value's text, in axis order
 * @param run        the complete run spec tree of this point (not shared with other points)
 * @param seed       seed of this point, derived from the experiment seed and the parameters
 * @param hash       hex SHA-256 of the canonical run tree, seed and PocketSim version
 */
public record SweepPoint(int index, Map<String, String> parameters, ObjectNode run, long seed, String hash) {

    public SweepPoint {
        parameters = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(parameters));
    }

    /** Short label such as {@code method.keep=0.5, cache.policy=lru}, or {@code base} without parameters. */
    public String label() {
        if (parameters.isEmpty()) return "base";
        StringBuilder sb = new StringBuilder();
        parameters.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : ", ").append(k).append('=').append(v));
        return sb.toString();
    }
}

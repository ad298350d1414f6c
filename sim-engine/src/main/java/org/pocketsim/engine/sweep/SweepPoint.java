package org.pocketsim.engine.sweep;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Map;

/**
 * One point of a sweep: the run spec tree with the point's values applied, the values that
 * distinguish it, its own seed, and a hash that identifies its result for resuming. Serialisable:
 * this is what travels to a remote {@link PointExecutor} (Jackson's trees serialise as JSON).
 *
 * @param index      position in the sweep (stable for a given spec)
 * @param parameters swept field path to the value's text, in axis order
 * @param run        the complete run spec tree of this point (not shared with other points)
 * @param seed       seed of this point, derived from the experiment seed and the parameters
 * @param hash       key of the point's stored result: hex SHA-256 of the run tree, seed and
 *                   everything the point reads (set once the point is prepared; null before)
 * @param valuePaths swept field path to where its value is written in the experiment
 *                   ({@code sweep.axes.run.mlp.keep[2]}, {@code sweep.zip.run[1]}), for error locations
 */
public record SweepPoint(int index, Map<String, String> parameters, ObjectNode run, long seed, String hash,
                         Map<String, String> valuePaths) implements java.io.Serializable {

    public SweepPoint {
        parameters = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(parameters));
        valuePaths = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(valuePaths));
    }

    /** This point with its stored-result key. */
    public SweepPoint withHash(String key) {
        return new SweepPoint(index, parameters, run, seed, key, valuePaths);
    }

    /** Short label such as {@code method.keep=0.5, cache.policy=lru}, or {@code base} without parameters. */
    public String label() {
        if (parameters.isEmpty()) return "base";
        StringBuilder sb = new StringBuilder();
        parameters.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : ", ").append(k).append('=').append(v));
        return sb.toString();
    }
}

package org.pocketsim.engine.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import org.pocketsim.hw.config.ConfigOptional;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The axes of an experiment's sweep, as written under {@code sweep:} in its YAML.
 *
 * <p>{@code axes} maps a dotted field path of the run spec (for example {@code method.keep}
 * or {@code soc.dram.capacity}) to the values it takes; the points are the cartesian product
 * of all axes. {@code zip} maps paths to lists of equal length that vary together (point i
 * takes the i-th value of every list); the zipped group then counts as one more axis.
 *
 * @param axes cartesian axes, in declaration order (the first varies slowest)
 * @param zip  zipped lists, all of the same length
 */
public record SweepSpec(@ConfigOptional Map<String, List<JsonNode>> axes, @ConfigOptional Map<String, List<JsonNode>> zip) {

    /** A sweep of one point: the base run as written. */
    public static final SweepSpec NONE = new SweepSpec(Map.of(), Map.of());

    public SweepSpec {
        axes = copy(axes == null ? Map.of() : axes, "axes");
        zip = copy(zip == null ? Map.of() : zip, "zip");
        int length = -1;
        for (Map.Entry<String, List<JsonNode>> e : zip.entrySet()) {
            if (length >= 0 && e.getValue().size() != length) {
                throw new IllegalArgumentException("sweep.zip lists must have equal lengths: '" + e.getKey()
                        + "' has " + e.getValue().size() + " values, earlier lists have " + length);
            }
            length = e.getValue().size();
        }
        for (String path : zip.keySet()) {
            if (axes.containsKey(path)) {
                throw new IllegalArgumentException("sweep field '" + path + "' is both an axis and a zipped list");
            }
        }
    }

    private static Map<String, List<JsonNode>> copy(Map<String, List<JsonNode>> in, String what) {
        Map<String, List<JsonNode>> out = new LinkedHashMap<>();
        for (Map.Entry<String, List<JsonNode>> e : in.entrySet()) {
            if (e.getKey() == null || e.getKey().isBlank()) {
                throw new IllegalArgumentException("sweep." + what + " has an empty field path");
            }
            if (e.getValue() == null || e.getValue().isEmpty()) {
                throw new IllegalArgumentException("sweep." + what + "." + e.getKey() + " needs at least one value");
            }
            out.put(e.getKey(), List.copyOf(e.getValue()));
        }
        return java.util.Collections.unmodifiableMap(out);
    }

    /** Number of points the sweep produces. */
    public int size() {
        long n = 1;
        for (List<JsonNode> values : axes.values()) n *= values.size();
        if (!zip.isEmpty()) n *= zip.values().iterator().next().size();
        if (n > 1_000_000) throw new IllegalArgumentException("sweep has " + n + " points; at most 1,000,000 are allowed");
        return (int) n;
    }
}

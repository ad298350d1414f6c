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

    /**
     * The most points a sweep may expand to. The product of the axis lengths is checked when
     * the sweep is bound, before any point is built, so a sweep too large to expand costs
     * nothing but this check (each expanded point is bound and prepared by {@code validate}).
     */
    public static final long MAX_POINTS = 1_000_000;

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
        checkProduct(axes, length);
    }

    /**
     * Fails when the axes' lengths times the zipped length exceed {@link #MAX_POINTS}, naming the
     * product ({@code 100 x 100 x 100 = 1,000,000 points}); exact for any lengths (no overflow).
     */
    private static void checkProduct(Map<String, List<JsonNode>> axes, int zipLength) {
        java.math.BigInteger product = java.math.BigInteger.ONE;
        StringBuilder factors = new StringBuilder();
        for (List<JsonNode> values : axes.values()) {
            product = product.multiply(java.math.BigInteger.valueOf(values.size()));
            factors.append(factors.length() == 0 ? "" : " x ").append(values.size());
        }
        if (zipLength >= 0) {
            product = product.multiply(java.math.BigInteger.valueOf(zipLength));
            factors.append(factors.length() == 0 ? "" : " x ").append(zipLength).append(" (zip)");
        }
        if (product.compareTo(java.math.BigInteger.valueOf(MAX_POINTS)) > 0) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                    "sweep has %s = %,d points; at most %,d are allowed (split the study into several experiments)",
                    factors, product, MAX_POINTS));
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

    /** Number of points the sweep produces (at most {@link #MAX_POINTS}, checked when built). */
    public int size() {
        long n = 1;
        for (List<JsonNode> values : axes.values()) n *= values.size();
        if (!zip.isEmpty()) n *= zip.values().iterator().next().size();
        return (int) n;
    }
}

package org.pocketsim.engine.result;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Constructor checks and defensive copies shared by the result records. Copies keep insertion
 * order (results, CSV columns and reports list things in the order the producer gave them)
 * and are unmodifiable, so a record never changes after construction.
 */
final class Checks {

    private Checks() {
    }

    static String required(String value, String owner, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(owner + "." + field + " is required");
        }
        return value;
    }

    static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    static <T> List<T> list(List<T> values, String owner, String field) {
        if (values == null) return List.of();
        List<T> copy = new ArrayList<>(values.size());
        for (T v : values) {
            if (v == null) throw new IllegalArgumentException(owner + "." + field + " contains a null entry");
            copy.add(v);
        }
        return Collections.unmodifiableList(copy);
    }

    static <V> Map<String, V> orderedMap(Map<String, V> values, String owner, String field) {
        if (values == null) return Map.of();
        Map<String, V> copy = new LinkedHashMap<>();
        for (Map.Entry<String, V> e : values.entrySet()) {
            if (e.getKey() == null || e.getKey().isBlank()) {
                throw new IllegalArgumentException(owner + "." + field + " has a blank name");
            }
            if (e.getValue() == null) {
                throw new IllegalArgumentException(owner + "." + field + "." + e.getKey() + " is null");
            }
            copy.put(e.getKey(), e.getValue());
        }
        return Collections.unmodifiableMap(copy);
    }

    static double finite(double value, String owner, String field) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(owner + "." + field + " must be finite, got " + value);
        }
        return value;
    }
}

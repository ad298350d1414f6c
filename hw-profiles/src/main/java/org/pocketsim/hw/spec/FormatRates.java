package org.pocketsim.hw.spec;

import java.util.Map;
import java.util.TreeMap;
import org.pocketsim.hw.config.FieldException;
import org.pocketsim.hw.config.Require;

/** Validation of per-number-format tables such as MACs/cycle or pJ/MAC. */
final class FormatRates {

    private FormatRates() {
    }

    /** Non-empty, keys are format names ({@code int8}, {@code fp8-e4m3}), values positive; sorted copy. */
    static <N extends Number> Map<String, N> validate(Map<String, N> rates, String field) {
        Require.notEmpty(rates, field);
        Map<String, N> sorted = new TreeMap<>();
        for (Map.Entry<String, N> e : rates.entrySet()) {
            Require.identifier(e.getKey(), field);
            if (e.getValue() == null || !(e.getValue().doubleValue() > 0)) {
                throw new FieldException(field + "." + e.getKey(), "must be > 0, got " + e.getValue());
            }
            sorted.put(e.getKey(), e.getValue());
        }
        return java.util.Collections.unmodifiableMap(sorted);
    }

    static <N extends Number> N lookup(Map<String, N> rates, String format, String what) {
        N rate = rates.get(format);
        if (rate == null) {
            throw new IllegalArgumentException(what + " has no rate for format '" + format + "' (has: "
                    + String.join(", ", rates.keySet()) + ")");
        }
        return rate;
    }

    static void addFacts(Map<String, ? extends Number> rates, String path, Map<String, String> out) {
        rates.forEach((format, rate) -> out.put(path + "." + format, rate.toString()));
    }
}

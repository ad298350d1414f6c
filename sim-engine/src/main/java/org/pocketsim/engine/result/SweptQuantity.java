package org.pocketsim.engine.result;

import org.pocketsim.hw.unit.Bandwidth;
import org.pocketsim.hw.unit.DataSize;
import org.pocketsim.hw.unit.Frequency;

import java.util.List;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

/**
 * What the values of a swept parameter measure, when they measure something: plain numbers
 * ({@code 0.25}), sizes ({@code 2 GB}), bandwidths ({@code 60 GB/s}) or frequencies
 * ({@code 1.4 GHz}). Such a parameter can be a numeric chart axis, in its natural unit.
 */
public enum SweptQuantity {
    NUMBER("", text -> Double.parseDouble(text.trim())),
    SIZE("B", text -> (double) DataSize.parse(text).bytes()),
    BANDWIDTH("B/s", text -> Bandwidth.parse(text).bytesPerSecond()),
    FREQUENCY("Hz", text -> Frequency.parse(text).hertz());

    private final String baseUnit;
    private final ToDoubleFunction<String> parser;

    SweptQuantity(String baseUnit, ToDoubleFunction<String> parser) {
        this.baseUnit = baseUnit;
        this.parser = parser;
    }

    /** Unit of {@link #value}: bytes, bytes per second, hertz, or none for plain numbers. */
    public String baseUnit() {
        return baseUnit;
    }

    /** The value of {@code text} in the base unit; an IllegalArgumentException when it is not one. */
    public double value(String text) {
        return parser.applyAsDouble(text);
    }

    /** Whether {@code text} reads as this quantity. */
    public boolean accepts(String text) {
        try {
            double v = value(text);
            return Double.isFinite(v);
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** The one quantity all {@code values} read as (numbers first); empty when there is none. */
    public static Optional<SweptQuantity> of(List<String> values) {
        if (values.isEmpty()) return Optional.empty();
        for (SweptQuantity q : values()) {
            if (values.stream().allMatch(q::accepts)) return Optional.of(q);
        }
        return Optional.empty();
    }
}

package org.pocketsim.hw.unit;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.math.BigDecimal;
import java.util.List;

/**
 * A span of simulated time in whole picoseconds, the engine's time unit. Text form:
 * {@code 18 ns}, {@code 1.2 us} (also {@code µs}), {@code 3 ms}, {@code 2 s}, {@code 500 ps}.
 */
public record Duration(long picoseconds) implements Comparable<Duration> {

    /** Largest accepted span: one hour, far above any latency or per-token time. */
    public static final long MAX_PICOSECONDS = 3_600L * 1_000_000_000_000L;

    static final List<UnitText.Unit> UNITS = List.of(
            UnitText.Unit.of("s", "1e12"), UnitText.Unit.of("ms", "1e9"), UnitText.Unit.of("us", "1e6"),
            UnitText.Unit.of("ns", "1e3"), UnitText.Unit.of("ps", "1"));
    private static final List<UnitText.Unit> ACCEPTED_ORDER = List.of(
            UNITS.get(4), UNITS.get(3), UNITS.get(2), UnitText.Unit.of("µs", "1e6"), UNITS.get(1), UNITS.get(0));

    public Duration {
        if (picoseconds < 0) {
            throw new IllegalArgumentException("negative duration " + picoseconds + " ps (must be >= 0)");
        }
        if (picoseconds > MAX_PICOSECONDS) {
            throw new IllegalArgumentException("absurd duration " + picoseconds + " ps (at most 1 h)");
        }
    }

    public static Duration ofPicoseconds(long picoseconds) {
        return new Duration(picoseconds);
    }

    /** Parses e.g. {@code "18 ns"}, {@code "1.2 us"}; the result must be whole picoseconds. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static Duration parse(String text) {
        BigDecimal amount = UnitText.parse(text, "duration", ACCEPTED_ORDER,
                BigDecimal.valueOf(MAX_PICOSECONDS), "3600 s");
        if (amount.stripTrailingZeros().scale() > 0) {
            throw new IllegalArgumentException("duration '" + text.strip() + "' is not a whole number of picoseconds");
        }
        return new Duration(amount.longValueExact());
    }

    public double nanoseconds() {
        return picoseconds / 1e3;
    }

    public double seconds() {
        return picoseconds / 1e12;
    }

    @Override
    public int compareTo(Duration other) {
        return Long.compare(picoseconds, other.picoseconds);
    }

    /** Shortest exact text form, e.g. {@code "1.2 us"}; parses back to the same value. */
    @JsonValue
    @Override
    public String toString() {
        return UnitText.format(BigDecimal.valueOf(picoseconds), UNITS, s -> parse(s).picoseconds == picoseconds);
    }
}

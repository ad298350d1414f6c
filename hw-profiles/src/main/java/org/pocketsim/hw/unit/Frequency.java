package org.pocketsim.hw.unit;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.math.BigDecimal;
import java.util.List;

/** A clock rate in hertz. Text form: {@code 1.4 GHz}, {@code 800 MHz}, {@code 32 kHz}, {@code 50 Hz}. */
public record Frequency(double hertz) implements Comparable<Frequency> {

    /** Largest accepted clock: 100 GHz. */
    public static final double MAX_HERTZ = 1e11;

    static final List<UnitText.Unit> UNITS = List.of(
            UnitText.Unit.of("GHz", "1e9"), UnitText.Unit.of("MHz", "1e6"),
            UnitText.Unit.of("kHz", "1e3"), UnitText.Unit.of("Hz", "1"));
    private static final List<UnitText.Unit> ACCEPTED_ORDER = List.of(
            UNITS.get(3), UNITS.get(2), UNITS.get(1), UNITS.get(0));

    public Frequency {
        if (Double.isNaN(hertz) || hertz < 0) {
            throw new IllegalArgumentException("frequency must be >= 0, got " + hertz + " Hz");
        }
        if (hertz > MAX_HERTZ) {
            throw new IllegalArgumentException("absurd frequency " + hertz + " Hz (at most 100 GHz)");
        }
    }

    public static Frequency ofHertz(double hertz) {
        return new Frequency(hertz);
    }

    /** Parses e.g. {@code "1.4 GHz"}, {@code "800 MHz"}. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static Frequency parse(String text) {
        BigDecimal amount = UnitText.parse(text, "frequency", ACCEPTED_ORDER, BigDecimal.valueOf(MAX_HERTZ), "100 GHz");
        return new Frequency(amount.doubleValue());
    }

    public double gigahertz() {
        return hertz / 1e9;
    }

    /** Length of one cycle in picoseconds (not rounded). */
    public double cyclePs() {
        return 1e12 / hertz;
    }

    @Override
    public int compareTo(Frequency other) {
        return Double.compare(hertz, other.hertz);
    }

    /** Shortest text form that parses back to exactly this value, e.g. {@code "1.4 GHz"}. */
    @JsonValue
    @Override
    public String toString() {
        return UnitText.format(BigDecimal.valueOf(hertz), UNITS, s -> parse(s).hertz == hertz);
    }
}

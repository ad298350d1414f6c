package org.pocketsim.hw.unit;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.math.BigDecimal;
import java.util.List;

/**
 * A data rate in bytes per second. Text form: {@code 60 GB/s}, {@code 450 MB/s}, {@code 1 GiB/s}
 * (KB/MB/GB/TB powers of ten, KiB/MiB/GiB powers of two).
 */
public record Bandwidth(double bytesPerSecond) implements Comparable<Bandwidth> {

    /** Largest accepted rate: 100 TB/s, far above any memory system modelled here. */
    public static final double MAX_BYTES_PER_SECOND = 1e14;

    static final List<UnitText.Unit> UNITS = List.of(
            UnitText.Unit.of("TB/s", "1e12"),
            UnitText.Unit.of("GiB/s", "1073741824"), UnitText.Unit.of("GB/s", "1e9"),
            UnitText.Unit.of("MiB/s", "1048576"), UnitText.Unit.of("MB/s", "1e6"),
            UnitText.Unit.of("KiB/s", "1024"), UnitText.Unit.of("KB/s", "1e3"),
            UnitText.Unit.of("B/s", "1"));
    private static final List<UnitText.Unit> ACCEPTED_ORDER = List.of(
            UNITS.get(7), UNITS.get(6), UNITS.get(4), UNITS.get(2), UNITS.get(0),
            UNITS.get(5), UNITS.get(3), UNITS.get(1));

    public Bandwidth {
        if (Double.isNaN(bytesPerSecond) || bytesPerSecond < 0) {
            throw new IllegalArgumentException("bandwidth must be >= 0, got " + bytesPerSecond + " B/s");
        }
        if (bytesPerSecond > MAX_BYTES_PER_SECOND) {
            throw new IllegalArgumentException("absurd bandwidth " + bytesPerSecond + " B/s (at most 100 TB/s)");
        }
    }

    public static Bandwidth ofBytesPerSecond(double bytesPerSecond) {
        return new Bandwidth(bytesPerSecond);
    }

    /** Parses e.g. {@code "60 GB/s"}, {@code "1 GiB/s"}. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static Bandwidth parse(String text) {
        BigDecimal amount = UnitText.parse(text, "bandwidth", ACCEPTED_ORDER,
                BigDecimal.valueOf(MAX_BYTES_PER_SECOND), "100 TB/s");
        return new Bandwidth(amount.doubleValue());
    }

    public double gigabytesPerSecond() {
        return bytesPerSecond / 1e9;
    }

    /** Time in picoseconds to move {@code bytes} at this rate (rounded to nearest). */
    public long transferTimePs(long bytes) {
        if (bytesPerSecond == 0) {
            throw new IllegalStateException("zero bandwidth cannot transfer " + bytes + " B");
        }
        return Math.round(bytes * 1e12 / bytesPerSecond);
    }

    public Bandwidth times(double factor) {
        return new Bandwidth(bytesPerSecond * factor);
    }

    @Override
    public int compareTo(Bandwidth other) {
        return Double.compare(bytesPerSecond, other.bytesPerSecond);
    }

    /** Shortest text form that parses back to exactly this value, e.g. {@code "76.8 GB/s"}. */
    @JsonValue
    @Override
    public String toString() {
        return UnitText.format(BigDecimal.valueOf(bytesPerSecond), UNITS, s -> parse(s).bytesPerSecond == bytesPerSecond);
    }
}

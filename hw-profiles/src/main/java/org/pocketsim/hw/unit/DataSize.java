package org.pocketsim.hw.unit;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.math.BigDecimal;
import java.util.List;

/**
 * An amount of memory or storage in whole bytes. Text form: a number and a unit, where KB/MB/GB
 * are powers of ten and KiB/MiB/GiB powers of two ({@code 12 GB} = 12e9 B, {@code 12 GiB} = 12 * 2^30 B).
 */
public record DataSize(long bytes) implements Comparable<DataSize> {

    /** Largest accepted size: 1 PiB, far above any phone's DRAM or flash. */
    public static final long MAX_BYTES = 1L << 50;

    static final List<UnitText.Unit> UNITS = List.of(
            UnitText.Unit.of("GiB", "1073741824"), UnitText.Unit.of("GB", "1000000000"),
            UnitText.Unit.of("MiB", "1048576"), UnitText.Unit.of("MB", "1000000"),
            UnitText.Unit.of("KiB", "1024"), UnitText.Unit.of("KB", "1000"),
            UnitText.Unit.of("B", "1"));
    private static final List<UnitText.Unit> ACCEPTED_ORDER = List.of(
            UNITS.get(6), UNITS.get(5), UNITS.get(3), UNITS.get(1), UNITS.get(4), UNITS.get(2), UNITS.get(0));

    public DataSize {
        if (bytes < 0) {
            throw new IllegalArgumentException("negative data size " + bytes + " B (must be >= 0)");
        }
        if (bytes > MAX_BYTES) {
            throw new IllegalArgumentException("absurd data size " + bytes + " B (at most 1 PiB)");
        }
    }

    public static DataSize ofBytes(long bytes) {
        return new DataSize(bytes);
    }

    /** Parses e.g. {@code "12 GiB"}, {@code "450MB"}, {@code "1.5 KiB"}; the result must be whole bytes. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static DataSize parse(String text) {
        BigDecimal amount = UnitText.parse(text, "data size", ACCEPTED_ORDER, BigDecimal.valueOf(MAX_BYTES), "1 PiB");
        if (amount.stripTrailingZeros().scale() > 0) {
            throw new IllegalArgumentException("data size '" + text.strip() + "' is not a whole number of bytes");
        }
        return new DataSize(amount.longValueExact());
    }

    public double gigabytes() {
        return bytes / 1e9;
    }

    @Override
    public int compareTo(DataSize other) {
        return Long.compare(bytes, other.bytes);
    }

    /** Shortest exact text form, e.g. {@code "12 GiB"}, {@code "1.5 GB"}; parses back to the same value. */
    @JsonValue
    @Override
    public String toString() {
        return UnitText.format(BigDecimal.valueOf(bytes), UNITS, s -> parse(s).bytes == bytes);
    }
}

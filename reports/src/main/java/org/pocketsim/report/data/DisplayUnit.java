package org.pocketsim.report.data;

import java.util.Locale;

/**
 * A unit to show values in, chosen from the stored unit and the values' magnitude: bytes in
 * B, KB, MB or GB (decimal, as storage and bandwidth are quoted), milliseconds as µs, ms or s,
 * shares (stored as fractions) in percent. {@code divisor} turns a stored value into a shown one.
 *
 * @param symbol  unit text shown in titles and headers ("GB", "ms", "%"); empty for a bare number
 * @param divisor stored value / divisor = shown value
 */
public record DisplayUnit(String symbol, double divisor) {

    private static final String[] DECIMAL = {"", "K", "M", "G", "T"};

    /** The stored unit itself, unscaled. */
    public static DisplayUnit identity(String unit) {
        return new DisplayUnit(unit, 1);
    }

    /**
     * The unit for values stored in {@code unit} whose largest magnitude is {@code maxAbs}: the
     * largest scale at which that value is at least 1 (2.4e9 B: GB; 0.4 ms: µs; 12000 ms: s).
     */
    public static DisplayUnit pick(String unit, double maxAbs) {
        if (unit == null || unit.isEmpty()) return identity("");
        if (unit.equals("fraction")) return new DisplayUnit("%", 0.01);
        if (unit.equals("ms")) {
            if (maxAbs >= 10_000) return new DisplayUnit("s", 1000);
            if (maxAbs > 0 && maxAbs < 1) return new DisplayUnit("µs", 1e-3);
            return identity("ms");
        }
        if (unit.equals("Hz")) return scaled("Hz", "", maxAbs);
        if (unit.startsWith("B")) return scaled("B", unit.substring(1), maxAbs);
        return identity(unit);
    }

    /** Binary-prefixed bytes (KiB, MiB, GiB), for sizes the user wrote in those units. */
    public static DisplayUnit pickBinaryBytes(double maxAbs) {
        String[] names = {"B", "KiB", "MiB", "GiB", "TiB"};
        int k = 0;
        while (k < names.length - 1 && maxAbs >= Math.pow(1024, k + 1)) k++;
        return new DisplayUnit(names[k], Math.pow(1024, k));
    }

    private static DisplayUnit scaled(String base, String suffix, double maxAbs) {
        int k = 0;
        while (k < DECIMAL.length - 1 && maxAbs >= Math.pow(1000, k + 1)) k++;
        return new DisplayUnit(DECIMAL[k] + base + suffix, Math.pow(1000, k));
    }

    /** The stored value in this unit. */
    public double shown(double stored) {
        return stored / divisor;
    }

    /** "Label (unit)", or the label alone for a bare number. */
    public String title(String label) {
        return symbol.isEmpty() ? label : label + " (" + symbol + ")";
    }

    /** The stored value in this unit, with sensible digits and no unit: "3.51", "118", "0.25". */
    public String format(double stored) {
        return NumberText.display(NumberText.round(shown(stored), 3));
    }

    /** The value with its unit, e.g. "3.51 GB", "54.2 ms", "82.5%". */
    public String withUnit(double stored) {
        return withUnit(stored, 3);
    }

    /** The value with its unit, to {@code digits} significant digits (published values keep theirs: 13.72 tok/s). */
    public String withUnit(double stored, int digits) {
        String v = NumberText.display(NumberText.round(shown(stored), digits));
        if (symbol.isEmpty()) return v;
        return symbol.equals("%") ? v + "%" : v + " " + symbol;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s/%s", symbol, divisor);
    }
}

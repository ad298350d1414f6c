package org.pocketsim.report.data;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/**
 * Text forms of numbers: {@link #exact} for data files (round-trips to the same double) and
 * {@link #display} for tables and chart labels (short, four significant digits). Both are
 * locale-independent, so reports do not change with the machine's language.
 */
public final class NumberText {

    private static final MathContext FOUR_DIGITS = new MathContext(4);

    private NumberText() {
    }

    /** Shortest text Java reads back as the same double; integral values without ".0". */
    public static String exact(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) return Long.toString((long) value);
        return Double.toString(value);
    }

    /**
     * {@code value} rounded to {@code digits} significant digits (whole numbers above that many
     * digits are kept whole: 2180.4 gives 2180), for display only.
     */
    public static double round(double value, int digits) {
        if (value == 0 || !Double.isFinite(value)) return value;
        double abs = Math.abs(value);
        if (abs >= Math.pow(10, digits)) return Math.rint(value);
        return new BigDecimal(value).round(new MathContext(digits)).doubleValue();
    }

    /**
     * Four significant digits; integers below a million exactly; very large or very small
     * magnitudes in compact scientific form ({@code 6.442e9}).
     */
    public static String display(double value) {
        if (value == 0) return "0";
        double abs = Math.abs(value);
        if (abs >= 1e6 || abs < 1e-3) {
            String s = String.format(Locale.ROOT, "%.3e", value);
            int e = s.indexOf('e');
            String mantissa = s.substring(0, e).replaceAll("\\.?0+$", "");
            int exponent = Integer.parseInt(s.substring(e + 1));
            return mantissa + "e" + exponent;
        }
        if (value == Math.rint(value)) return Long.toString((long) value);
        return new BigDecimal(value).round(FOUR_DIGITS).stripTrailingZeros().toPlainString();
    }
}

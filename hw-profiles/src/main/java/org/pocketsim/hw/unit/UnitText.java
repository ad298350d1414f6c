package org.pocketsim.hw.unit;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Shared parser and formatter for "number unit" strings such as {@code 12 GiB} or {@code 1.4 GHz}.
 * Each quantity type passes its table of units; the number is parsed exactly as a decimal so that
 * powers of ten and powers of two convert without rounding.
 */
final class UnitText {

    /** One accepted unit symbol and its size in the quantity's base unit. */
    record Unit(String symbol, BigDecimal factor) {
        static Unit of(String symbol, String factor) {
            return new Unit(symbol, new BigDecimal(factor));
        }
    }

    private static final Pattern NUMBER_UNIT =
            Pattern.compile("^([+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][+-]?\\d+)?)\\s*(\\S*)$");

    private UnitText() {
    }

    /**
     * Parses {@code text} into a non-negative amount of the base unit.
     *
     * @param quantity human name used in messages, e.g. "data size"
     * @param max largest accepted amount in base units (larger values are absurd for a phone model)
     * @throws IllegalArgumentException with a one-line message listing the accepted units
     */
    static BigDecimal parse(String text, String quantity, List<Unit> units, BigDecimal max, String maxText) {
        String accepted = accepted(units);
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("empty " + quantity + "; expected a number and a unit, e.g. '"
                    + example(units) + "' (accepted: " + accepted + ")");
        }
        String trimmed = text.strip();
        Matcher m = NUMBER_UNIT.matcher(trimmed);
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + trimmed + "' is not a " + quantity
                    + " (expected a number and a unit, e.g. '" + example(units) + "'; accepted: " + accepted + ")");
        }
        String symbol = m.group(2);
        if (symbol.isEmpty()) {
            throw new IllegalArgumentException("missing unit in '" + trimmed + "' (accepted: " + accepted + ")");
        }
        Unit unit = units.stream().filter(u -> u.symbol().equals(symbol)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "unknown unit '" + symbol + "' (accepted: " + accepted + ")"));
        BigDecimal amount = new BigDecimal(m.group(1)).multiply(unit.factor());
        if (amount.signum() < 0) {
            throw new IllegalArgumentException("negative " + quantity + " '" + trimmed + "' (must be >= 0)");
        }
        if (amount.compareTo(max) > 0) {
            throw new IllegalArgumentException("absurd " + quantity + " '" + trimmed + "' (at most " + maxText + ")");
        }
        return amount;
    }

    /**
     * Text in the largest unit (first in {@code units}) in which the amount is at least 1 with at
     * most two decimals and parses back to exactly {@code amount}; otherwise the smallest unit.
     */
    static String format(BigDecimal amount, List<Unit> units, java.util.function.Predicate<String> roundTrips) {
        Unit smallest = units.get(units.size() - 1);
        if (amount.signum() == 0) {
            return "0 " + smallest.symbol();
        }
        for (Unit unit : units) {
            BigDecimal scaled = amount.divide(unit.factor(), MathContext.DECIMAL64).stripTrailingZeros();
            if (scaled.compareTo(BigDecimal.ONE) < 0 || scaled.scale() > 2) {
                continue;
            }
            String candidate = scaled.toPlainString() + " " + unit.symbol();
            if (parsesBack(candidate, roundTrips)) {
                return candidate;
            }
        }
        return amount.divide(smallest.factor(), MathContext.DECIMAL64).stripTrailingZeros().toPlainString()
                + " " + smallest.symbol();
    }

    private static boolean parsesBack(String candidate, java.util.function.Predicate<String> roundTrips) {
        try {
            return roundTrips.test(candidate);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    static String accepted(List<Unit> units) {
        return units.stream().map(Unit::symbol).collect(Collectors.joining(", "));
    }

    private static String example(List<Unit> units) {
        return "12 " + units.get(units.size() / 2).symbol();
    }
}

package org.pocketsim.hw.config;

import java.util.Collection;
import java.util.Map;

/**
 * Validation helpers for config record constructors. Each throws a {@link FieldException}
 * naming the field, which the loader reports with the field's file, line and column.
 */
public final class Require {

    private Require() {
    }

    public static <T> T notNull(T value, String field) {
        if (value == null) {
            throw new FieldException(field, "is required");
        }
        return value;
    }

    public static String notBlank(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new FieldException(field, "must not be empty");
        }
        return value;
    }

    public static <C extends Collection<?>> C notEmpty(C value, String field) {
        if (notNull(value, field).isEmpty()) {
            throw new FieldException(field, "must not be empty");
        }
        return value;
    }

    public static <M extends Map<?, ?>> M notEmpty(M value, String field) {
        if (notNull(value, field).isEmpty()) {
            throw new FieldException(field, "must not be empty");
        }
        return value;
    }

    public static long positive(long value, String field) {
        if (value <= 0) {
            throw new FieldException(field, "must be > 0, got " + value);
        }
        return value;
    }

    public static double positive(double value, String field) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new FieldException(field, "must be > 0 and finite, got " + value);
        }
        return value;
    }

    public static double nonNegative(double value, String field) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new FieldException(field, "must be >= 0 and finite, got " + value);
        }
        return value;
    }

    /** A fraction in (0, 1], such as a utilisation or an achievable share of peak bandwidth. */
    public static double fraction(double value, String field) {
        if (!(value > 0 && value <= 1)) {
            throw new FieldException(field, "must be in (0, 1], got " + value);
        }
        return value;
    }

    /** Lower-case identifier such as a preset id or number-format name: {@code [a-z0-9][a-z0-9.+_-]*}. */
    public static String identifier(String value, String field) {
        notBlank(value, field);
        if (!value.matches("[a-z0-9][a-z0-9.+_-]*")) {
            throw new FieldException(field, "'" + value + "' must be lower-case letters, digits, '.', '+', '_' or '-'");
        }
        return value;
    }
}

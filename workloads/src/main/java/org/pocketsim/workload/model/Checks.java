package org.pocketsim.workload.model;

/** Constructor validation helpers shared by the model spec records. */
final class Checks {

    private Checks() {
    }

    static void positive(String field, int value) {
        if (value < 1) throw new IllegalArgumentException(field + " must be positive, got " + value);
    }

    static void nonNegative(String field, int value) {
        if (value < 0) throw new IllegalArgumentException(field + " must be >= 0, got " + value);
    }

    static <T> T required(String field, T value) {
        if (value == null) throw new IllegalArgumentException(field + " is required");
        return value;
    }
}

package org.pocketsim.workload.model;

/** Constructor validation helpers shared by the model spec records. */
final class Checks {

    private Checks() {
    }

    /**
     * Upper bounds of a model file's sizes: far above every real model (the largest presets have
     * 94 layers, hidden 7168, vocab 256k, 512 experts), low enough that the arrays a run sizes
     * by them (a synthetic trace row of width hidden or intermediate, per-layer state) fit in a
     * small heap. The README's "Reliability" section lists them.
     */
    static final int MAX_LAYERS = 1_024;
    static final int MAX_WIDTH = 262_144;
    static final int MAX_VOCAB = 4_194_304;
    static final int MAX_COUNT = 65_536;

    static void positive(String field, int value) {
        positive(field, value, Integer.MAX_VALUE);
    }

    static void nonNegative(String field, int value) {
        nonNegative(field, value, Integer.MAX_VALUE);
    }

    static void positive(String field, int value, int max) {
        if (value < 1) throw new IllegalArgumentException(field + " must be positive, got " + value);
        atMost(field, value, max);
    }

    static void nonNegative(String field, int value, int max) {
        if (value < 0) throw new IllegalArgumentException(field + " must be >= 0, got " + value);
        atMost(field, value, max);
    }

    private static void atMost(String field, int value, int max) {
        if (value > max) throw new IllegalArgumentException(field + " must be at most " + max + ", got " + value);
    }

    static <T> T required(String field, T value) {
        if (value == null) throw new IllegalArgumentException(field + " is required");
        return value;
    }
}

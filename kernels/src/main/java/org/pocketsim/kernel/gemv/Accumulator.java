package org.pocketsim.kernel.gemv;

/** Accumulator of a GEMV's dot products, as the MAC array would hold it. */
public enum Accumulator {
    /** Exact integer sums of integer products, rescaled per weight block (integer weights and activations only). */
    INT32,
    /** Half precision: every product and every partial sum rounded to FP16 (round-to-nearest-even). */
    FP16,
    /** Single precision: Java float arithmetic. */
    FP32;

    /** Lower-case name used in MAC kind keys, e.g. {@code int32}. */
    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}

package org.pocketsim.kernel.cost;

import org.pocketsim.kernel.format.FloatFormat;

/** The accumulator of a multiply-add unit: fixed point (Kulisch) or floating point. */
public sealed interface Accumulator permits Accumulator.FixedPoint, Accumulator.FloatingPoint {

    /** Short label for tables, e.g. {@code FX+12}, {@code FP16}. */
    String label();

    /**
     * Fixed-point accumulator of product width + {@code extraBits} (the whitepaper's FX+12 holds
     * 2^12 extreme products without overflow).
     */
    record FixedPoint(int extraBits) implements Accumulator {
        public FixedPoint {
            if (extraBits < 1) {
                throw new IllegalArgumentException("fixed-point accumulator: extraBits must be >= 1, got " + extraBits);
            }
        }

        @Override
        public String label() {
            return "FX+" + extraBits;
        }
    }

    /** Floating-point accumulator kept normalised, rounding to nearest even. */
    record FloatingPoint(String label, FloatFormat format) implements Accumulator {
        public FloatingPoint {
            if (format == null) {
                throw new IllegalArgumentException("floating-point accumulator " + label + ": format is required");
            }
        }
    }
}

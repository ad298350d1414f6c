package org.pocketsim.kernel.format;

/**
 * A {@code b}-bit integer grid, rounding to nearest with ties to even, saturating.
 *
 * <p>Symmetric (signed) formats use the restricted range {@code [-(2^(b-1) - 1), 2^(b-1) - 1]}
 * so that absmax scaling is symmetric about zero; codes are two's complement in the low
 * {@code b} bits. Asymmetric formats use unsigned codes {@code [0, 2^b - 1]}; the zero point
 * that centres them is applied by the quantizer or block format that owns the scale.
 *
 * @param name registry name
 * @param bits width in [2, 16]
 * @param symmetric true for signed symmetric, false for unsigned codes with a zero point
 */
public record IntFormat(String name, int bits, boolean symmetric) implements ScalarFormat {

    public IntFormat {
        if (bits < 2 || bits > 16) {
            throw new IllegalArgumentException(name + ": integer bits must be in [2, 16], got " + bits);
        }
    }

    /** Smallest code value on the grid. */
    public int minLevel() {
        return symmetric ? -((1 << (bits - 1)) - 1) : 0;
    }

    /** Largest code value on the grid. */
    public int maxLevel() {
        return symmetric ? (1 << (bits - 1)) - 1 : (1 << bits) - 1;
    }

    @Override
    public double maxFinite() {
        return maxLevel();
    }

    /** Rounds {@code x} to the nearest level (ties to even) and clamps it to the grid. */
    public int level(double x) {
        if (Double.isNaN(x)) {
            throw new IllegalArgumentException(name + ": NaN has no code");
        }
        double r = Math.rint(x);
        return (int) Math.max(minLevel(), Math.min(maxLevel(), r));
    }

    @Override
    public int encode(double x) {
        return level(x) & ((1 << bits) - 1);
    }

    @Override
    public double decode(int code) {
        int c = code & ((1 << bits) - 1);
        if (symmetric && (c & (1 << (bits - 1))) != 0) {
            c -= 1 << bits;
        }
        return c;
    }
}

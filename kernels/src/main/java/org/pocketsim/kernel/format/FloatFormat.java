package org.pocketsim.kernel.format;

/**
 * A binary floating-point format with one sign bit, {@code e} exponent bits and {@code m}
 * mantissa bits, with subnormals, rounding to nearest with ties to even.
 *
 * <p>Overflow: the input is rounded with an unbounded exponent first; if the result exceeds
 * {@link #maxFinite()} a saturating format returns the largest finite code of that sign, a
 * non-saturating one returns infinity ({@link Specials#IEEE}) or NaN ({@link Specials#FN}),
 * matching the OCP 8-bit FP specification's conversion modes. A {@link Specials#NONE} format
 * has no code for either and always saturates. NaN input encodes to the canonical NaN code
 * (all ones) and is rejected by a format without NaN.
 */
public final class FloatFormat implements ScalarFormat {
    private final String name;
    private final int exponentBits;
    private final int mantissaBits;
    private final int bias;
    private final Specials specials;
    private final boolean saturating;
    private final int minExponent;
    private final double minNormal;
    private final double subnormalQuantum;
    private final double maxFinite;
    private final int maxFiniteCode;
    private final int signBit;
    private final double[] decodeTable;

    /**
     * @param bias the exponent bias; the IEEE convention is {@code 2^(e-1) - 1}
     * @throws IllegalArgumentException if the widths do not fit 32 bits
     */
    public FloatFormat(String name, int exponentBits, int mantissaBits, int bias,
                       Specials specials, boolean saturating) {
        if (exponentBits < 1 || exponentBits > 8) {
            throw new IllegalArgumentException(name + ": exponentBits must be in [1, 8], got " + exponentBits);
        }
        if (mantissaBits < 0 || mantissaBits > 23) {
            throw new IllegalArgumentException(name + ": mantissaBits must be in [0, 23], got " + mantissaBits);
        }
        if (specials == Specials.FN && mantissaBits == 0) {
            throw new IllegalArgumentException(name + ": an fn format needs at least one mantissa bit");
        }
        this.name = name;
        this.exponentBits = exponentBits;
        this.mantissaBits = mantissaBits;
        this.bias = bias;
        this.specials = specials;
        this.saturating = saturating || specials == Specials.NONE;
        this.minExponent = 1 - bias;
        this.minNormal = Math.scalb(1.0, minExponent);
        this.subnormalQuantum = Math.scalb(1.0, minExponent - mantissaBits);
        int maxBiased = (1 << exponentBits) - (specials == Specials.IEEE ? 2 : 1);
        int maxMantissa = (1 << mantissaBits) - (specials == Specials.FN ? 2 : 1);
        this.maxFiniteCode = (maxBiased << mantissaBits) | maxMantissa;
        this.signBit = 1 << (exponentBits + mantissaBits);
        this.maxFinite = Math.scalb(1.0 + maxMantissa / (double) (1 << mantissaBits), maxBiased - bias);
        int bits = 1 + exponentBits + mantissaBits;
        this.decodeTable = bits <= 16 ? new double[1 << bits] : null;
        if (decodeTable != null) {
            for (int c = 0; c < decodeTable.length; c++) {
                decodeTable[c] = decodeSlow(c);
            }
        }
    }

    /** IEEE-biased format, {@code bias = 2^(e-1) - 1}. */
    public static FloatFormat of(String name, int exponentBits, int mantissaBits, Specials specials, boolean saturating) {
        return new FloatFormat(name, exponentBits, mantissaBits, (1 << (exponentBits - 1)) - 1, specials, saturating);
    }

    @Override public String name() { return name; }
    @Override public int bits() { return 1 + exponentBits + mantissaBits; }
    @Override public double maxFinite() { return maxFinite; }
    public int exponentBits() { return exponentBits; }
    public int mantissaBits() { return mantissaBits; }
    public int bias() { return bias; }
    public Specials specials() { return specials; }
    public boolean saturating() { return saturating; }

    /** Exponent of the largest normal binade, {@code floor(log2(maxFinite))} (OCP MX "emax"). */
    public int maxExponent() {
        return Math.getExponent(maxFinite);
    }

    /** Exponent of the smallest normal binade, {@code 1 - bias}. */
    public int minExponent() {
        return minExponent;
    }

    /** Smallest positive subnormal, {@code 2^(1 - bias - m)}. */
    public double minSubnormal() {
        return subnormalQuantum;
    }

    @Override
    public int encode(double x) {
        if (Double.isNaN(x)) {
            if (specials == Specials.NONE) {
                throw new IllegalArgumentException(name + ": NaN has no code");
            }
            return signBit | (signBit - 1);
        }
        int sign = (Double.doubleToRawLongBits(x) < 0) ? signBit : 0;
        double a = Math.abs(x);
        if (Double.isInfinite(a) && specials == Specials.IEEE) {
            return sign | (((1 << exponentBits) - 1) << mantissaBits);
        }
        // Quantum of a's binade; below the normal range the subnormal quantum applies.
        double quantum = a < minNormal ? subnormalQuantum : Math.scalb(1.0, Math.getExponent(a) - mantissaBits);
        double r = Math.rint(a / quantum) * quantum;
        if (r > maxFinite) {
            return sign | overflowCode();
        }
        if (r == 0.0) {
            return sign;
        }
        int e = Math.getExponent(r);
        if (e < minExponent) {
            return sign | (int) (r / subnormalQuantum);
        }
        int mantissa = (int) (Math.scalb(r, mantissaBits - e) - (1 << mantissaBits));
        return sign | ((e + bias) << mantissaBits) | mantissa;
    }

    private int overflowCode() {
        if (saturating) {
            return maxFiniteCode;
        }
        return specials == Specials.IEEE
                ? ((1 << exponentBits) - 1) << mantissaBits
                : signBit - 1;
    }

    @Override
    public double decode(int code) {
        return decodeTable != null ? decodeTable[code & (decodeTable.length - 1)] : decodeSlow(code);
    }

    private double decodeSlow(int code) {
        int mantissaMask = (1 << mantissaBits) - 1;
        int expMask = (1 << exponentBits) - 1;
        int mantissa = code & mantissaMask;
        int biased = (code >>> mantissaBits) & expMask;
        double sign = (code & signBit) != 0 ? -1.0 : 1.0;
        if (biased == expMask && specials == Specials.IEEE) {
            return mantissa == 0 ? sign * Double.POSITIVE_INFINITY : Double.NaN;
        }
        if (biased == expMask && specials == Specials.FN && mantissa == mantissaMask) {
            return Double.NaN;
        }
        if (biased == 0) {
            return sign * Math.scalb((double) mantissa, minExponent - mantissaBits);
        }
        return sign * Math.scalb(1.0 + mantissa / (double) (1 << mantissaBits), biased - bias);
    }

    @Override
    public String toString() {
        return name;
    }
}

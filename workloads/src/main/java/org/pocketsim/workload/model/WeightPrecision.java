package org.pocketsim.workload.model;

/**
 * Storage cost of one quantised weight, scale and zero-point overhead included, e.g. INT4 with
 * one FP16 scale per group of 128 weights costs 4 + 16/128 = 4.125 bits per weight.
 *
 * @param bitsPerWeight average bits per stored weight, overhead included
 * @param label         short name for tables (fp16, int4-g128)
 */
public record WeightPrecision(double bitsPerWeight, String label) {

    public static final WeightPrecision FP16 = new WeightPrecision(16, "fp16");
    public static final WeightPrecision INT8_G128 = grouped(8, 16, 128, "int8-g128");
    public static final WeightPrecision INT4_G128 = grouped(4, 16, 128, "int4-g128");

    public WeightPrecision {
        if (!(bitsPerWeight > 0 && bitsPerWeight <= 64)) {
            throw new IllegalArgumentException("bitsPerWeight must be in (0, 64], got " + bitsPerWeight);
        }
        Checks.required("label", label);
    }

    /** Integer weights of {@code bits} with one scale of {@code scaleBits} per {@code groupSize} weights. */
    public static WeightPrecision grouped(int bits, int scaleBits, int groupSize, String label) {
        Checks.positive("bits", bits);
        Checks.positive("scaleBits", scaleBits);
        Checks.positive("groupSize", groupSize);
        return new WeightPrecision(bits + (double) scaleBits / groupSize, label);
    }

    /** Bytes for {@code weights} weights, rounded up to a whole byte. */
    public long bytes(long weights) {
        return (long) Math.ceil(weights * bitsPerWeight / 8.0);
    }
}

package org.pocketsim.kernel.cost;

/**
 * Gate counts of the NPU design options that give compressed weight formats a hardware path
 * (issue 18), in the Appendix B primitives of {@link Gates}, beside the INT8 -> FX+12 MAC they
 * modify. These are DESIGN OPTIONS sized by this model, not data about any shipping NPU:
 * <ul>
 *   <li>ternary adder-tree lane: the INT8 MAC without its multiplier, plus a conditional negate
 *       (8 XOR2, the +1 through the adder's carry-in) and a zero gate (8 AND2) on the activation;
 *       the accumulator is kept as wide as the INT8 MAC's (conservative);</li>
 *   <li>2:4 sparse lane: one INT8 MAC per kept weight plus a 4:1 multiplexer of the 8-bit
 *       activation (3 MUX2 per bit) and a 2-bit position register (2 FF); per dense weight the
 *       lane counts half, since two of every four weights are multiplied;</li>
 *   <li>codebook LUT held in flip-flops with one read port: 2^b * d * 16 FF bits and a 2^b:1
 *       multiplexer tree per output bit ((2^b - 1) MUX2 x d x 16); one port serves d lanes. Books
 *       beyond a few hundred bytes belong in SRAM, which this gate model does not price.</li>
 * </ul>
 */
public final class DecodeUnitGates {

    private DecodeUnitGates() {
    }

    /** Gates of the INT8 x INT8 -> FX+12 MAC of the gate model (the array's unit). */
    public static double int8Mac() {
        return new GateCountMacModel().gates(MacDatapath.of("int8"), MacAreaTable.accumulator("FX+12")).total();
    }

    /** One ternary x INT8 adder-tree lane. */
    public static double ternaryLane() {
        GateCount mac = new GateCountMacModel().gates(MacDatapath.of("int8"), MacAreaTable.accumulator("FX+12"));
        return mac.total() - mac.multiply() + 8 * Gates.XOR2 + 8 * Gates.AND2;
    }

    /** One 2:4 sparse lane (an INT8 MAC with its activation selector), per kept weight. */
    public static double sparseLanePerKeptWeight() {
        return int8Mac() + 8 * 3 * Gates.MUX2 + Gates.flipFlops(2);
    }

    /** Gates of a flip-flop codebook of 2^b FP16 d-vectors with one read port. */
    public static double lutUnit(int indexBits, int dim) {
        long bits = (1L << indexBits) * dim * 16;
        return Gates.flipFlops((int) bits) + ((1L << indexBits) - 1) * dim * 16 * (double) Gates.MUX2;
    }
}

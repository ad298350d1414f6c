package org.pocketsim.kernel.cost;

/**
 * Gates of one multiply-add unit split as in the whitepaper's Fig. 3 stacks (fractional where
 * block-shared logic is amortised over a block).
 *
 * @param multiply   multiplier: partial products, reduction, exponent add, sign handling
 * @param alignAdd   product pipe-stage, alignment shifts and the adder
 * @param normAcc    normalisation, rounding and the accumulator register
 */
public record GateCount(double multiply, double alignAdd, double normAcc) {

    public double total() {
        return multiply + alignAdd + normAcc;
    }

    /** Total relative to {@code base}'s total. */
    public double relativeTo(GateCount base) {
        return total() / base.total();
    }
}

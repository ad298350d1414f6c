package org.pocketsim.kernel.cost;

import org.pocketsim.kernel.format.NumberFormat;

/**
 * Seam: the cost of one multiply-add unit whose weight and activation come in the formats of
 * a {@link MacDatapath} and whose running sum is held in {@code accumulator}. Area and energy
 * are taken as proportional to the gate count (the whitepaper's first-order model), priced by
 * a {@link ProcessTable}.
 */
public interface MacCostModel {

    /**
     * Gate count of one multiply-add, block-shared logic divided by the block size.
     *
     * @throws IllegalArgumentException naming the format or accumulator when the model does not cover it
     */
    GateCount gates(MacDatapath datapath, Accumulator accumulator);

    /** Gate count of one multiply-add whose two inputs are both in {@code input}. */
    default GateCount gates(NumberFormat input, Accumulator accumulator) {
        return gates(MacDatapath.same(input), accumulator);
    }
}

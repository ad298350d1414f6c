package org.pocketsim.kernel.cost;

import org.pocketsim.kernel.format.NumberFormat;

/**
 * Seam: the cost of one multiply-add unit whose two inputs are in {@code input} and whose
 * running sum is held in {@code accumulator}. Area and energy are taken as proportional to the
 * gate count (the whitepaper's first-order model), priced by an {@link EnergyTable}.
 */
public interface MacCostModel {

    /**
     * Gate count of one multiply-add.
     *
     * @throws IllegalArgumentException naming the format when the model does not cover it
     */
    GateCount gates(NumberFormat input, Accumulator accumulator);
}

package org.pocketsim.kernel.cost;

import org.pocketsim.kernel.format.FormatRegistry;
import org.pocketsim.kernel.format.NumberFormat;

/**
 * Energy and area per MAC of an array by input format and accumulator: gates from a
 * {@link MacCostModel}, priced per gate by calibrating the model's INT8 -> FX+12 unit to an
 * {@link EnergyTable}'s {@code int8 mult + int32 add} (assumed: the 27-bit Kulisch add costs
 * what the table's 32-bit add does; gates are the whitepaper's proxy for both area and energy).
 * Wiring, SRAM and control are outside the unit, as in the whitepaper.
 */
public final class MacArrayCost {
    static final String CAL_MULT = "int8 mult";
    static final String CAL_ADD = "int32 add";

    private final MacCostModel model;
    private final EnergyTable table;
    private final double pjPerGate;
    private final double um2PerGate;

    public MacArrayCost(MacCostModel model, EnergyTable table) {
        this.model = model;
        this.table = table;
        double baseGates = model.gates(FormatRegistry.get("int8"), MacAreaTable.FX12).total();
        this.pjPerGate = (table.energyPj(CAL_MULT) + table.energyPj(CAL_ADD)) / baseGates;
        this.um2PerGate = table.hasArea(CAL_MULT, CAL_ADD)
                ? (table.areaUm2(CAL_MULT) + table.areaUm2(CAL_ADD)) / baseGates
                : Double.NaN;
    }

    /** Energy of one multiply-add in picojoules. */
    public double energyPerMacPj(NumberFormat input, Accumulator accumulator) {
        return model.gates(input, accumulator).total() * pjPerGate;
    }

    /**
     * Area of one multiply-add unit in um^2.
     *
     * @throws IllegalStateException when the table gives no areas (e.g. the 7 nm table)
     */
    public double areaPerMacUm2(NumberFormat input, Accumulator accumulator) {
        if (Double.isNaN(um2PerGate)) {
            throw new IllegalStateException("energy table " + table.name() + " gives no areas for "
                    + CAL_MULT + " and " + CAL_ADD);
        }
        return model.gates(input, accumulator).total() * um2PerGate;
    }

    /** The calibration: picojoules per two-input-gate equivalent. */
    public double pjPerGate() {
        return pjPerGate;
    }

    /** The table priced with. */
    public EnergyTable table() {
        return table;
    }
}

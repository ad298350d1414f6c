package org.pocketsim.kernel.cost;

import org.pocketsim.kernel.format.FormatRegistry;

/**
 * Energy and area per MAC by datapath and accumulator: gates from a {@link MacCostModel},
 * priced per gate by calibrating the model's INT8 -> FX+12 unit to an {@link EnergyTable}'s
 * {@code int8 mult + int32 add} (assumed: the 27-bit Kulisch add costs what the table's 32-bit
 * add does; gates are the whitepaper's proxy for both area and energy). Wiring, SRAM and
 * control are outside the unit, as in the whitepaper; the table's SRAM row, when it has one,
 * is given separately per bit.
 *
 * @param model the gate model
 * @param table the per-operation energy (and area) table
 */
public record GatePricedTable(MacCostModel model, EnergyTable table) implements ProcessTable {
    static final String CAL_MULT = "int8 mult";
    static final String CAL_ADD = "int32 add";
    /** The 8 KB SRAM row of the Horowitz table: one 32-bit read. */
    static final String SRAM_READ_32B = "sram read 32b 8KB";

    @Override
    public String name() {
        return table.name();
    }

    @Override
    public String source() {
        return table.source();
    }

    /** Gates of the calibration unit, INT8 -> FX+12. */
    public double baseGates() {
        return model.gates(FormatRegistry.get("int8"), MacAreaTable.FX12).total();
    }

    /** The calibration: picojoules per two-input-gate equivalent. */
    public double pjPerGate() {
        return (table.energyPj(CAL_MULT) + table.energyPj(CAL_ADD)) / baseGates();
    }

    /** um^2 per gate equivalent; NaN when the table gives no areas. */
    public double um2PerGate() {
        return table.hasArea(CAL_MULT, CAL_ADD) ? (table.areaUm2(CAL_MULT) + table.areaUm2(CAL_ADD)) / baseGates() : Double.NaN;
    }

    @Override
    public double pjPerMac(MacDatapath datapath, Accumulator accumulator) {
        return model.gates(datapath, accumulator).total() * pjPerGate();
    }

    @Override
    public double um2PerMac(MacDatapath datapath, Accumulator accumulator) {
        return model.gates(datapath, accumulator).total() * um2PerGate();
    }

    @Override
    public double int8MacEquivalents(MacDatapath datapath, Accumulator accumulator) {
        return model.gates(datapath, accumulator).total() / baseGates();
    }

    @Override
    public double sramPjPerBit() {
        return table.energyPj().containsKey(SRAM_READ_32B) ? table.energyPj(SRAM_READ_32B) / 32 : Double.NaN;
    }
}

package org.pocketsim.kernel.cost.array;

import org.pocketsim.kernel.cost.Accumulator;
import org.pocketsim.kernel.cost.MacDatapath;
import org.pocketsim.kernel.cost.ProcessTable;

/**
 * Sizes MAC arrays: iso-area (mm^2 or INT8-MAC equivalents) and iso-power. Pure functions of a
 * {@link MacArraySpec}; the process tables are loaded once per call.
 */
public final class MacArrays {

    private MacArrays() {
    }

    /**
     * The array of {@code spec}: units = floor(budget / cost of one unit), where the cost is its
     * area (mm^2 budget), its area in INT8-MAC units (equivalents budget) or its power at the
     * clock (power budget).
     *
     * @throws IllegalArgumentException when the process table cannot price the datapath, or an
     *         mm^2 budget meets a table without areas
     */
    public static MacArrayDesign design(MacArraySpec spec) {
        return design(spec, ProcessTable.named(spec.process()));
    }

    /** As {@link #design(MacArraySpec)} with the process table already loaded. */
    public static MacArrayDesign design(MacArraySpec spec, ProcessTable table) {
        MacDatapath d = spec.resolvedDatapath();
        Accumulator acc = spec.resolvedAccumulator();
        double pj = table.pjPerMac(d, acc);
        double um2 = table.um2PerMac(d, acc);
        double equivalents = table.int8MacEquivalents(d, acc);
        double hz = spec.clock().hertz();
        long macs = spec.budget().units(new ArrayBudget.UnitCost(um2, equivalents, pj * 1e-12 * hz, table.name()));
        double sram = table.sramPjPerBit();
        return new MacArrayDesign(spec, table.model().gates(d, acc), equivalents, macs, pj, um2, macs * um2 / 1e6,
                2.0 * macs * hz, macs * pj * 1e-12 * hz, d.weightBitsPerElement(), d.activationBitsPerElement(),
                d.weightBitsPerElement() * sram, d.activationBitsPerElement() * sram, table.name(), table.source());
    }
}

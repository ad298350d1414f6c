package org.pocketsim.engine.macarray;

import org.pocketsim.kernel.cost.array.MacArrayDesign;

/**
 * The iso-power view of a MAC array: as many units of a datapath as run at the power of the
 * reference array (INT8 -> FX+12 of the same area), power = MACs x energy per MAC x clock.
 *
 * <p>Energy per MAC here is the MAC unit plus reading its weight from the NPU's SRAM (the process
 * table's SRAM row, e.g. Horowitz 45 nm: 5 pJ per 32-bit read of an 8 KB SRAM), since in a batch-1
 * decode step every weight feeds exactly one multiply-add. The MAC unit alone would not do: the gate
 * model prices area and energy from the same gate count, so at equal power every datapath would fit
 * exactly as many units as at equal area. Activations are broadcast along the array and reused, so
 * their reads are left out (assumed). Where the table has no SRAM row, the view falls back to the MAC
 * unit alone and equals iso-area (say so in the report).
 *
 * @param watts       the budget: the reference array's units x its energy per MAC x clock
 * @param pjPerMac    energy of one of this datapath's MACs with its weight read, pJ
 * @param macs        units that fit the budget, rounded down
 * @param withWeights whether weight reads are counted (false: the table prices no SRAM)
 */
record IsoPower(double watts, double pjPerMac, long macs, boolean withWeights) {

    /**
     * @param reference the INT8 -> FX+12 array of the area budget
     * @param design    this datapath's array (its unit costs; its unit count is the iso-area one)
     * @param hertz     array clock
     */
    static IsoPower of(MacArrayDesign reference, MacArrayDesign design, double hertz) {
        boolean weights = Double.isFinite(reference.sramPjPerWeight()) && Double.isFinite(design.sramPjPerWeight());
        double refPj = reference.pjPerMac() + (weights ? reference.sramPjPerWeight() : 0);
        double pj = design.pjPerMac() + (weights ? design.sramPjPerWeight() : 0);
        double watts = reference.macs() * refPj * 1e-12 * hertz;
        // units = watts / (pj x clock) = reference units x refPj / pj; the 1e-9 keeps an exact quotient
        // (the reference itself) from rounding down to one unit less
        return new IsoPower(watts, pj, (long) Math.floor(reference.macs() * (refPj / pj) + 1e-9), weights);
    }

    /**
     * An area budget in INT8-MAC equivalents that sizes exactly {@link #macs} units of {@code design}
     * (half a unit of slack, so that floating-point rounding in the division cannot lose one).
     */
    double int8MacEquivalents(MacArrayDesign design) {
        return (macs + 0.5) * design.int8MacEquivalents();
    }
}

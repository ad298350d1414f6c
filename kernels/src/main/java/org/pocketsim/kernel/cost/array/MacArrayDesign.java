package org.pocketsim.kernel.cost.array;

import org.pocketsim.kernel.cost.GateCount;

/**
 * A sized MAC array: how many multiply-add units fit the budget and what each costs. Energy
 * covers the MAC unit only; {@code sramPjPerWeight} / {@code sramPjPerActivation} price
 * reading one operand from a small SRAM where the process table has such a row (NaN where
 * not), so that a caller can add operand traffic itself.
 *
 * @param spec                 what was sized
 * @param gatesPerMac          gate count of one unit (block-shared logic amortised)
 * @param int8MacEquivalents   area of one unit in INT8 -> FX+12 units
 * @param macs                 units that fit the budget (= MACs per cycle)
 * @param pjPerMac             energy of one multiply-add, pJ
 * @param um2PerMac            area of one unit, um^2 (NaN when the table has no areas)
 * @param arrayAreaMm2         {@code macs * um2PerMac}, mm^2 (NaN when unknown)
 * @param peakOpsPerSecond     2 ops per MAC per cycle at the clock
 * @param peakPowerW           MAC-unit power at peak throughput
 * @param weightBits           storage bits per weight, scales included
 * @param activationBits       storage bits per activation, scales included
 * @param sramPjPerWeight      SRAM read energy of one weight, pJ (NaN when the table has none)
 * @param sramPjPerActivation  SRAM read energy of one activation, pJ (NaN when the table has none)
 * @param processName          label of the process table
 * @param processSource        its citation
 */
public record MacArrayDesign(MacArraySpec spec, GateCount gatesPerMac, double int8MacEquivalents, long macs,
                             double pjPerMac, double um2PerMac, double arrayAreaMm2, double peakOpsPerSecond,
                             double peakPowerW, double weightBits, double activationBits, double sramPjPerWeight,
                             double sramPjPerActivation, String processName, String processSource) {

    /** MACs issued per cycle at full utilisation (one per unit). */
    public long macsPerCycle() {
        return macs;
    }

    /** Peak throughput in TOPS (10^12 ops/s, 2 ops per MAC). */
    public double peakTops() {
        return peakOpsPerSecond / 1e12;
    }

    /** Energy of one multiply-add plus reading its weight and activation from SRAM, pJ (NaN when SRAM is unpriced). */
    public double pjPerMacWithOperands() {
        return pjPerMac + sramPjPerWeight + sramPjPerActivation;
    }
}

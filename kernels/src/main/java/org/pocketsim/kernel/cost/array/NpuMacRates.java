package org.pocketsim.kernel.cost.array;

import org.pocketsim.hw.unit.Frequency;
import org.pocketsim.kernel.cost.MacDatapath;

/**
 * What an engine's compute model asks of a MAC array rebuilt per format: one budget, process
 * table, accumulator and clock, and per datapath the MACs per cycle, pJ per MAC and bits per
 * weight and activation. Pure functions of this record.
 *
 * @param budget      area (mm^2 or INT8-MAC equivalents) or power of the array
 * @param accumulator {@code FX+12}, {@code FP16} or {@code FP32}
 * @param process     a process table name
 * @param clock       array clock
 */
public record NpuMacRates(ArrayBudget budget, String accumulator, String process, Frequency clock) {

    /** The array rebuilt in {@code datapath}. */
    public MacArrayDesign design(String datapath) {
        return MacArrays.design(new MacArraySpec(datapath, accumulator, budget, process, clock));
    }

    /** MAC units that fit the budget in {@code datapath}, i.e. MACs per cycle. */
    public long macsPerCycle(String datapath) {
        return design(datapath).macsPerCycle();
    }

    /** Energy of one multiply-add in {@code datapath}, pJ (MAC unit only). */
    public double pjPerMac(String datapath) {
        return design(datapath).pjPerMac();
    }

    /** Storage bits per weight of {@code datapath}, scales included. */
    public double weightBitsPerElement(String datapath) {
        return MacDatapath.of(datapath).weightBitsPerElement();
    }

    /** Storage bits per activation of {@code datapath}, scales included. */
    public double activationBitsPerElement(String datapath) {
        return MacDatapath.of(datapath).activationBitsPerElement();
    }
}

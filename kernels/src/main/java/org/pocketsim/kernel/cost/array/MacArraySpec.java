package org.pocketsim.kernel.cost.array;

import org.pocketsim.hw.unit.Frequency;
import org.pocketsim.kernel.cost.Accumulator;
import org.pocketsim.kernel.cost.MacAreaTable;
import org.pocketsim.kernel.cost.MacDatapath;
import org.pocketsim.kernel.cost.ProcessTable;

/**
 * One MAC array to size: which datapath (weight x activation formats), which accumulator,
 * what budget, priced under which process table, clocked at what frequency. Every check that
 * {@link MacArrays#design} would make is made here, once (names, a datapath the gate model and
 * the table can price with this accumulator, an mm^2 budget only with a table that has areas),
 * so that a config binding this record fails at validation, not during a run;
 * {@link MacArrays#design} is then a pure function of this record.
 *
 * @param datapath    a {@link MacDatapath} name, e.g. {@code int8}, {@code fp8-e4m3}, {@code mxfp4},
 *                    {@code w4a16-int4-g128}
 * @param accumulator {@code FX+12}, {@code FP16} or {@code FP32}
 * @param budget      area (mm^2 or INT8-MAC equivalents) or power
 * @param process     one of {@link ProcessTable#NAMES}
 * @param clock       array clock
 */
public record MacArraySpec(String datapath, String accumulator, ArrayBudget budget, String process, Frequency clock) {

    public MacArraySpec {
        if (datapath == null || accumulator == null || budget == null || process == null || clock == null) {
            throw new IllegalArgumentException("mac array: datapath, accumulator, budget, process and clock are required");
        }
        MacDatapath d = MacDatapath.of(datapath);
        Accumulator a = MacAreaTable.accumulator(accumulator);
        if (!ProcessTable.NAMES.contains(process)) {
            throw new IllegalArgumentException("unknown process table '" + process + "'; known: " + ProcessTable.NAMES);
        }
        ProcessTable t = ProcessTable.named(process);
        budget.units(new ArrayBudget.UnitCost(t.um2PerMac(d, a), t.int8MacEquivalents(d, a),
                t.pjPerMac(d, a) * 1e-12 * clock.hertz(), t.name()));
    }

    /** The resolved datapath. */
    public MacDatapath resolvedDatapath() {
        return MacDatapath.of(datapath);
    }

    /** The resolved accumulator. */
    public Accumulator resolvedAccumulator() {
        return MacAreaTable.accumulator(accumulator);
    }

    /** The same array in another datapath (the iso-area / iso-power sweep over formats). */
    public MacArraySpec withDatapath(String other) {
        return new MacArraySpec(other, accumulator, budget, process, clock);
    }
}

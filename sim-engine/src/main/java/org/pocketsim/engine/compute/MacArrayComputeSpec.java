package org.pocketsim.engine.compute;

import org.pocketsim.hw.config.ConfigOptional;
import org.pocketsim.hw.config.FieldException;
import org.pocketsim.hw.spec.SocSpec;
import org.pocketsim.hw.unit.Frequency;
import org.pocketsim.kernel.cost.MacAreaTable;
import org.pocketsim.kernel.cost.ProcessTable;
import org.pocketsim.kernel.cost.array.ArrayBudget;
import org.pocketsim.kernel.cost.array.MacArraySpec;
import org.pocketsim.kernel.cost.array.NpuMacRates;

/**
 * {@code compute: {kind: mac-array, budget: {int8MacEquivalents: 22500}, process: horowitz-45nm,
 * accumulator: FP32}}: the NPU's MAC array rebuilt in each compute format by the gate-count
 * cost model (kernels' {@code NpuMacRates}) at a fixed budget; the CPU keeps the profile's numbers.
 *
 * @param budget      area or power of the array; default: the profile NPU's INT8 MACs per cycle
 *                    as INT8 -> FX+12 units (the profile's INT8 array area, rebuilt)
 * @param process     a process table ({@code horowitz-45nm}, {@code tpuv4i-7nm}, {@code int-vs-fp-table5}); default horowitz-45nm
 * @param accumulator {@code FX+12}, {@code FP16} or {@code FP32}
 * @param clock       array clock; default the profile NPU's clock
 */
public record MacArrayComputeSpec(@ConfigOptional BudgetSpec budget, @ConfigOptional String process, String accumulator,
                                  @ConfigOptional Frequency clock) implements ComputeSpec {

    /** The process table a spec that names none uses. */
    public static final String DEFAULT_PROCESS = ProcessTable.HOROWITZ_45NM;

    public MacArrayComputeSpec {
        if (process == null) process = DEFAULT_PROCESS;
        if (!ProcessTable.NAMES.contains(process)) {
            throw new FieldException("process", "unknown process table '" + process + "' (tables: " + String.join(", ", ProcessTable.NAMES) + ")"
                    + org.pocketsim.hw.config.Suggest.nearest(process, ProcessTable.NAMES).map(s -> "; did you mean '" + s + "'?").orElse(""));
        }
        if (accumulator == null) throw new FieldException("accumulator", "is required (FX+12, FP16 or FP32)");
        try {
            MacAreaTable.accumulator(accumulator);
        } catch (IllegalArgumentException e) {
            throw new FieldException("accumulator", e.getMessage());
        }
    }

    @Override
    public ComputeModel bind(SocSpec soc) {
        return new MacArrayCompute(soc, rates(soc));
    }

    /** The array's budget, process, accumulator and clock on {@code soc}; checks that the table can size it. */
    public NpuMacRates rates(SocSpec soc) {
        ArrayBudget b;
        try {
            b = budget != null ? budget.toBudget() : new ArrayBudget.Int8MacEquivalents(profileInt8Macs(soc));
        } catch (FieldException e) {
            throw new FieldException("budget." + e.field(), e.problem());
        }
        Frequency f = clock != null ? clock : soc.npu().clock();
        try {
            new MacArraySpec("int8", "FP32", b, process, f);
        } catch (IllegalArgumentException e) {
            throw new FieldException("budget", e.getMessage());
        }
        return new NpuMacRates(b, accumulator, process, f);
    }

    /** The profile NPU's INT8 MACs per cycle: the area of its INT8 array in INT8-MAC units. */
    static double profileInt8Macs(SocSpec soc) {
        Long int8 = soc.npu().macsPerCycle().get("int8");
        if (int8 == null) {
            throw new FieldException("budget", "the profile's NPU has no int8 rate to size the array from; give budget: {int8MacEquivalents: N}");
        }
        return int8;
    }
}

package org.pocketsim.engine.compute;

import org.pocketsim.engine.component.Stage;
import org.pocketsim.hw.spec.NpuSpec;
import org.pocketsim.hw.spec.Requester;
import org.pocketsim.hw.spec.SocSpec;
import org.pocketsim.kernel.cost.array.MacArrayDesign;
import org.pocketsim.kernel.cost.array.NpuMacRates;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An NPU whose MAC array is rebuilt in each compute format from the MAC-array cost model: MACs
 * per cycle = units of that datapath that fit the budget, times the array clock and the
 * profile's prefill or decode utilisation; pJ per MAC from the process table (MAC unit only).
 * The compute format names a MAC datapath ({@code int8}, {@code fp8-e4m3}, {@code w4a8-int4-g128}).
 * CPU work keeps the profile's rates and prices.
 */
public final class MacArrayCompute implements ComputeModel {

    private final SocSpec soc;
    private final NpuMacRates rates;
    private final PresetCompute preset;
    private final Map<String, MacArrayDesign> designs = new ConcurrentHashMap<>();

    public MacArrayCompute(SocSpec soc, NpuMacRates rates) {
        this.soc = soc;
        this.rates = rates;
        this.preset = new PresetCompute(soc);
    }

    /** The array rebuilt in {@code datapath} (sized once per datapath). */
    public MacArrayDesign design(String datapath) {
        return designs.computeIfAbsent(datapath, rates::design);
    }

    public NpuMacRates rates() {
        return rates;
    }

    @Override
    public String label() {
        return "NPU MAC array rebuilt per format: " + rates.budget().label() + ", " + rates.accumulator()
                + " accumulator, " + rates.process() + ", " + rates.clock() + " (kernels' gate-count model)";
    }

    @Override
    public double macsPerSecond(Requester unit, String format, Stage stage) {
        if (unit != Requester.NPU) return preset.macsPerSecond(unit, format, stage);
        double utilisation = stage == Stage.PREFILL ? soc.npu().prefillUtilisation() : soc.npu().decodeUtilisation();
        long macs = design(format).macsPerCycle();
        if (macs == 0) {
            throw new IllegalArgumentException("a MAC array of " + rates.budget().label() + " holds no " + format + " unit");
        }
        return macs * rates.clock().hertz() * utilisation;
    }

    @Override
    public double pjPerMac(Requester unit, String format) {
        return unit != Requester.NPU ? preset.pjPerMac(unit, format) : design(format).pjPerMac();
    }

    @Override
    public NpuSpec npu(String format) {
        NpuSpec p = soc.npu();
        return new NpuSpec(p.name() + " (" + format + " array)", rates.clock(), Map.of(format, design(format).macsPerCycle()),
                p.sram(), p.prefillUtilisation(), p.decodeUtilisation(), p.graphOverhead());
    }
}

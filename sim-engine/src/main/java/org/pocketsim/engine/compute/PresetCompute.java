package org.pocketsim.engine.compute;

import org.pocketsim.engine.component.EnergyModel;
import org.pocketsim.engine.component.Stage;
import org.pocketsim.hw.spec.NpuSpec;
import org.pocketsim.hw.spec.Requester;
import org.pocketsim.hw.spec.SocSpec;

/**
 * Rates and prices of the SoC profile: the NPU's MACs per cycle per format times its clock and
 * the stage's utilisation, the CPU's peak over its inference cores, and pJ per MAC from the
 * profile's energy tables. This is what every run did before the seam existed.
 */
public final class PresetCompute implements ComputeModel {

    private final SocSpec soc;
    private final EnergyModel energy;

    public PresetCompute(SocSpec soc) {
        this.soc = soc;
        this.energy = EnergyModel.fromSpec(soc);
    }

    @Override
    public String label() {
        return "preset tables of " + soc.name();
    }

    @Override
    public double macsPerSecond(Requester unit, String format, Stage stage) {
        if (unit == Requester.CPU) return soc.cpu().peakMacsPerSecond(format);
        double utilisation = stage == Stage.PREFILL ? soc.npu().prefillUtilisation() : soc.npu().decodeUtilisation();
        return soc.npu().peakMacsPerSecond(format) * utilisation;
    }

    @Override
    public double pjPerMac(Requester unit, String format) {
        return energy.tablePjPerMac(unit, format);
    }

    @Override
    public NpuSpec npu(String format) {
        return soc.npu();
    }
}

package org.pocketsim.engine.compute;

import org.pocketsim.engine.component.EnergyModel;
import org.pocketsim.engine.component.Stage;
import org.pocketsim.hw.spec.NpuSpec;
import org.pocketsim.hw.spec.Requester;
import org.pocketsim.hw.spec.SocSpec;

/**
 * Rates and prices of the SoC profile: the NPU's (and the GPU's) MACs per cycle per format times
 * its clock and the stage's utilisation, the CPU's peak over its inference cores, and pJ per MAC
 * from the profile's energy tables. This is what every run did before the seam existed.
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
        boolean prefill = stage == Stage.PREFILL;
        return switch (unit) {
            case CPU -> soc.cpu().peakMacsPerSecond(format);
            case NPU -> soc.npu().peakMacsPerSecond(format) * (prefill ? soc.npu().prefillUtilisation() : soc.npu().decodeUtilisation());
            case GPU -> gpu().peakMacsPerSecond(format) * (prefill ? gpu().prefillUtilisation() : gpu().decodeUtilisation());
        };
    }

    private org.pocketsim.hw.spec.GpuSpec gpu() {
        if (soc.gpu() == null) throw new IllegalArgumentException("profile '" + soc.id() + "' has no gpu");
        return soc.gpu();
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

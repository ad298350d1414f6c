package org.pocketsim.engine.component;

/**
 * Energy of a run by source, picojoules; {@code cpuMacPj} is the CPU's work, per MAC or by active
 * power over its busy time; {@code gpuMacPj} the GPU's (0 on a profile without one).
 */
public record EnergyBreakdown(double dramPj, double flashPj, double sramPj, double npuMacPj, double cpuMacPj,
                              double gpuMacPj, double staticPj) {

    public double totalPj() {
        return dramPj + flashPj + sramPj + npuMacPj + cpuMacPj + gpuMacPj + staticPj;
    }
}

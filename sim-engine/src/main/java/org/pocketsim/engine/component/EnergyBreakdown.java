package org.pocketsim.engine.component;

/** Energy of a run by source, picojoules; {@code cpuMacPj} is the CPU's work, per MAC or by active power over its busy time. */
public record EnergyBreakdown(double dramPj, double flashPj, double sramPj, double npuMacPj, double cpuMacPj,
                              double staticPj) {

    public double totalPj() {
        return dramPj + flashPj + sramPj + npuMacPj + cpuMacPj + staticPj;
    }
}

package org.pocketsim.engine.decode;

import org.pocketsim.hw.spec.Requester;
import org.pocketsim.hw.spec.SocSpec;

/**
 * Prices counted actions after simulation (DESIGN.md: no pJ constant in performance code):
 * DRAM and flash bytes at the profile's pJ/bit, MACs at the compute unit's pJ/MAC for the
 * format, and static power over the elapsed time.
 */
public final class EnergyPricing {

    /** Energy of one token by component, in millijoules. */
    public record Breakdown(double dramMj, double flashMj, double computeMj, double staticMj) {
        public double totalMj() {
            return dramMj + flashMj + computeMj + staticMj;
        }
    }

    private final SocSpec soc;
    private final double pjPerMac;

    public EnergyPricing(SocSpec soc, Requester unit, String computeFormat) {
        this.soc = soc;
        this.pjPerMac = unit == Requester.CPU ? soc.energy().cpuPjPerMac(computeFormat) : soc.energy().npuPjPerMac(computeFormat);
    }

    public Breakdown perToken(double dramBytes, double flashBytes, double macs, double seconds) {
        double pjToMj = 1e-9;
        return new Breakdown(
                dramBytes * 8 * soc.dram().energyPjPerBit() * pjToMj,
                flashBytes * 8 * soc.flash().energyPjPerBit() * pjToMj,
                macs * pjPerMac * pjToMj,
                soc.energy().staticPowerMilliwatts() * seconds);
    }
}

package org.pocketsim.hw.spec;

import java.util.Map;
import org.pocketsim.hw.config.ConfigOptional;
import org.pocketsim.hw.config.Require;

/**
 * Prices of counted compute actions (memory prices sit in {@link DramSpec} and {@link FlashSpec}).
 * Applied after simulation: no pJ constant appears in performance code.
 *
 * @param staticPowerMilliwatts the SoC floor: what the phone draws, above its idle baseline,
 *                              for the whole run (also while it waits on flash or starts up)
 * @param cpuActiveMilliwatts   optional: power of the CPU cluster while it runs kernels with all
 *                              {@code cpu.cores} threads, drawn for the CPU's whole busy time
 *                              (llama.cpp's threads spin while they wait on memory, so the
 *                              cluster's power follows time, not MACs). When present it replaces
 *                              {@link #cpuPjPerMac} in the price of CPU work; null (absent)
 *                              prices CPU work per MAC
 * @param gpuPjPerMac           optional: price of a GPU MAC per format; present where the profile has a GPU
 */
public record EnergySpec(
        Map<String, Double> npuPjPerMac,
        Map<String, Double> cpuPjPerMac,
        double sramPjPerByte,
        double staticPowerMilliwatts,
        @ConfigOptional Double cpuActiveMilliwatts,
        @ConfigOptional Map<String, Double> gpuPjPerMac) implements Facts {

    public EnergySpec {
        npuPjPerMac = FormatRates.validate(npuPjPerMac, "npuPjPerMac");
        cpuPjPerMac = FormatRates.validate(cpuPjPerMac, "cpuPjPerMac");
        Require.nonNegative(sramPjPerByte, "sramPjPerByte");
        Require.nonNegative(staticPowerMilliwatts, "staticPowerMilliwatts");
        if (cpuActiveMilliwatts != null) Require.nonNegative(cpuActiveMilliwatts, "cpuActiveMilliwatts");
        if (gpuPjPerMac != null) gpuPjPerMac = FormatRates.validate(gpuPjPerMac, "gpuPjPerMac");
    }

    public double npuPjPerMac(String format) {
        return FormatRates.lookup(npuPjPerMac, format, "energy.npuPjPerMac");
    }

    /** Price of a GPU MAC in {@code format}; a profile without a GPU has none. */
    public double gpuPjPerMac(String format) {
        if (gpuPjPerMac == null) throw new IllegalArgumentException("energy.gpuPjPerMac is missing: this profile has no gpu");
        return FormatRates.lookup(gpuPjPerMac, format, "energy.gpuPjPerMac");
    }

    public double cpuPjPerMac(String format) {
        return FormatRates.lookup(cpuPjPerMac, format, "energy.cpuPjPerMac");
    }

    @Override
    public void addFacts(String prefix, Map<String, String> out) {
        FormatRates.addFacts(npuPjPerMac, Facts.join(prefix, "npuPjPerMac"), out);
        FormatRates.addFacts(cpuPjPerMac, Facts.join(prefix, "cpuPjPerMac"), out);
        out.put(Facts.join(prefix, "sramPjPerByte"), Double.toString(sramPjPerByte));
        out.put(Facts.join(prefix, "staticPowerMilliwatts"), Double.toString(staticPowerMilliwatts));
        if (cpuActiveMilliwatts != null) out.put(Facts.join(prefix, "cpuActiveMilliwatts"), Double.toString(cpuActiveMilliwatts));
        if (gpuPjPerMac != null) FormatRates.addFacts(gpuPjPerMac, Facts.join(prefix, "gpuPjPerMac"), out);
    }
}

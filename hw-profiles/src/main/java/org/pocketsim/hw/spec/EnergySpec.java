package org.pocketsim.hw.spec;

import java.util.Map;
import org.pocketsim.hw.config.Require;

/**
 * Prices of counted compute actions (memory prices sit in {@link DramSpec} and {@link FlashSpec}).
 * Applied after simulation: no pJ constant appears in performance code.
 */
public record EnergySpec(
        Map<String, Double> npuPjPerMac,
        Map<String, Double> cpuPjPerMac,
        double sramPjPerByte,
        double staticPowerMilliwatts) implements Facts {

    public EnergySpec {
        npuPjPerMac = FormatRates.validate(npuPjPerMac, "npuPjPerMac");
        cpuPjPerMac = FormatRates.validate(cpuPjPerMac, "cpuPjPerMac");
        Require.nonNegative(sramPjPerByte, "sramPjPerByte");
        Require.nonNegative(staticPowerMilliwatts, "staticPowerMilliwatts");
    }

    public double npuPjPerMac(String format) {
        return FormatRates.lookup(npuPjPerMac, format, "energy.npuPjPerMac");
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
    }
}

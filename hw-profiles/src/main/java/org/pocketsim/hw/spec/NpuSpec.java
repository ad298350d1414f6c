package org.pocketsim.hw.spec;

import java.util.Map;
import org.pocketsim.hw.config.Require;
import org.pocketsim.hw.unit.DataSize;
import org.pocketsim.hw.unit.Frequency;

/**
 * The neural accelerator: MAC arrays per number format at one clock, on-chip SRAM, and the share of
 * peak reached in prefill (matrix-matrix) and decode (matrix-vector).
 *
 * @param macsPerCycle multiply-accumulates per cycle by format name, e.g. {@code int8: 17408}
 */
public record NpuSpec(
        String name,
        Frequency clock,
        Map<String, Long> macsPerCycle,
        DataSize sram,
        double prefillUtilisation,
        double decodeUtilisation) implements Facts {

    public NpuSpec {
        macsPerCycle = MacUnits.validate(name, clock, macsPerCycle, prefillUtilisation, decodeUtilisation);
        Require.notNull(sram, "sram");
    }

    /** Peak MACs per second in {@code format}; unknown formats are an IllegalArgumentException. */
    public double peakMacsPerSecond(String format) {
        return MacUnits.peakMacsPerSecond(macsPerCycle, clock, format, "npu '" + name + "'");
    }

    /** Whether the MAC arrays run {@code format} natively. */
    public boolean supports(String format) {
        return macsPerCycle.containsKey(format);
    }

    @Override
    public void addFacts(String prefix, Map<String, String> out) {
        MacUnits.addRateFacts(prefix, clock, macsPerCycle, out);
        out.put(Facts.join(prefix, "sram"), sram.toString());
        MacUnits.addUtilisationFacts(prefix, prefillUtilisation, decodeUtilisation, out);
    }
}

package org.pocketsim.hw.spec;

import java.util.Map;
import org.pocketsim.hw.config.ConfigOptional;
import org.pocketsim.hw.config.FieldException;
import org.pocketsim.hw.config.Require;
import org.pocketsim.hw.unit.DataSize;
import org.pocketsim.hw.unit.Duration;
import org.pocketsim.hw.unit.Frequency;

/**
 * The neural accelerator: MAC arrays per number format at one clock, on-chip SRAM, and the share of
 * peak reached in prefill (matrix-matrix) and decode (matrix-vector).
 *
 * @param macsPerCycle  multiply-accumulates per cycle by format name, e.g. {@code int8: 17408}
 * @param graphOverhead optional: what one graph execution costs beyond the accelerator's own time
 *                      (the runtime's call into the NPU and back, e.g. QNN's execute time less its
 *                      accelerator time); a run pays it once per graph it executes
 *                      ({@code run.npuGraphs}) for every decode step and every prefill chunk
 */
public record NpuSpec(
        String name,
        Frequency clock,
        Map<String, Long> macsPerCycle,
        DataSize sram,
        double prefillUtilisation,
        double decodeUtilisation,
        @ConfigOptional Duration graphOverhead) implements Facts {

    /** An NPU without a per-graph overhead. */
    public NpuSpec(String name, Frequency clock, Map<String, Long> macsPerCycle, DataSize sram,
                   double prefillUtilisation, double decodeUtilisation) {
        this(name, clock, macsPerCycle, sram, prefillUtilisation, decodeUtilisation, null);
    }

    public NpuSpec {
        macsPerCycle = MacUnits.validate(name, clock, macsPerCycle, prefillUtilisation, decodeUtilisation);
        Require.notNull(sram, "sram");
        if (graphOverhead != null && !(graphOverhead.seconds() > 0)) throw new FieldException("graphOverhead", "must be positive");
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
        if (graphOverhead != null) out.put(Facts.join(prefix, "graphOverhead"), graphOverhead.toString());
    }
}

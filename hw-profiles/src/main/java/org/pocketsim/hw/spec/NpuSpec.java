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
        Require.notBlank(name, "name");
        Require.positive(Require.notNull(clock, "clock").hertz(), "clock");
        macsPerCycle = FormatRates.validate(macsPerCycle, "macsPerCycle");
        Require.notNull(sram, "sram");
        Require.fraction(prefillUtilisation, "prefillUtilisation");
        Require.fraction(decodeUtilisation, "decodeUtilisation");
    }

    /** Peak MACs per second in {@code format}; unknown formats are an IllegalArgumentException. */
    public double peakMacsPerSecond(String format) {
        return FormatRates.lookup(macsPerCycle, format, "npu '" + name + "'") * clock.hertz();
    }

    /** Whether the MAC arrays run {@code format} natively. */
    public boolean supports(String format) {
        return macsPerCycle.containsKey(format);
    }

    @Override
    public void addFacts(String prefix, Map<String, String> out) {
        out.put(Facts.join(prefix, "clock"), clock.toString());
        FormatRates.addFacts(macsPerCycle, Facts.join(prefix, "macsPerCycle"), out);
        out.put(Facts.join(prefix, "sram"), sram.toString());
        out.put(Facts.join(prefix, "prefillUtilisation"), Double.toString(prefillUtilisation));
        out.put(Facts.join(prefix, "decodeUtilisation"), Double.toString(decodeUtilisation));
    }
}

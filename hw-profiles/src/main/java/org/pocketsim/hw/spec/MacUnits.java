package org.pocketsim.hw.spec;

import java.util.Map;
import org.pocketsim.hw.config.Require;
import org.pocketsim.hw.unit.Frequency;

/**
 * What the NPU and the GPU specs share: MAC arrays per number format at one clock and the share
 * of their peak reached in prefill and decode, validated and listed as facts the same way.
 */
final class MacUnits {

    private MacUnits() {
    }

    /** Checks a unit's fields; returns its MACs per cycle sorted by format. */
    static Map<String, Long> validate(String name, Frequency clock, Map<String, Long> macsPerCycle, double prefillUtilisation,
                                      double decodeUtilisation) {
        Require.notBlank(name, "name");
        Require.positive(Require.notNull(clock, "clock").hertz(), "clock");
        Require.fraction(prefillUtilisation, "prefillUtilisation");
        Require.fraction(decodeUtilisation, "decodeUtilisation");
        return FormatRates.validate(macsPerCycle, "macsPerCycle");
    }

    /** Peak MACs per second of {@code what} in {@code format}; unknown formats are an IllegalArgumentException. */
    static double peakMacsPerSecond(Map<String, Long> macsPerCycle, Frequency clock, String format, String what) {
        return FormatRates.lookup(macsPerCycle, format, what) * clock.hertz();
    }

    /** The clock and the MACs per cycle as facts under {@code prefix}. */
    static void addRateFacts(String prefix, Frequency clock, Map<String, Long> macsPerCycle, Map<String, String> out) {
        out.put(Facts.join(prefix, "clock"), clock.toString());
        FormatRates.addFacts(macsPerCycle, Facts.join(prefix, "macsPerCycle"), out);
    }

    /** The two utilisations as facts under {@code prefix}. */
    static void addUtilisationFacts(String prefix, double prefillUtilisation, double decodeUtilisation, Map<String, String> out) {
        out.put(Facts.join(prefix, "prefillUtilisation"), Double.toString(prefillUtilisation));
        out.put(Facts.join(prefix, "decodeUtilisation"), Double.toString(decodeUtilisation));
    }
}

package org.pocketsim.hw.spec;

import java.util.EnumMap;
import java.util.Map;
import org.pocketsim.hw.config.ConfigOptional;
import org.pocketsim.hw.config.FieldException;
import org.pocketsim.hw.config.Require;
import org.pocketsim.hw.unit.Bandwidth;
import org.pocketsim.hw.unit.DataSize;
import org.pocketsim.hw.unit.Duration;

/**
 * Main memory. Achievable bandwidth per set of concurrent requesters is either measured
 * ({@code achievableBandwidth}, keys {@code cpu}, {@code npu}, {@code cpu+npu}, and {@code gpu} on a
 * profile with a GPU) or
 * {@code achievableFraction} of peak; a measured entry wins, the fraction fills the gaps, and at
 * least one of the two must cover every set.
 *
 * @param osReserved DRAM held by the OS and other apps; models get {@link #available()}
 */
public record DramSpec(
        String type,
        DataSize capacity,
        DataSize osReserved,
        Bandwidth peakBandwidth,
        @ConfigOptional Double achievableFraction,
        @ConfigOptional Map<RequesterSet, Bandwidth> achievableBandwidth,
        Duration latency,
        double energyPjPerBit) implements Facts {

    public DramSpec {
        Require.notBlank(type, "type");
        Require.positive(Require.notNull(capacity, "capacity").bytes(), "capacity");
        Require.notNull(osReserved, "osReserved");
        if (osReserved.compareTo(capacity) >= 0) {
            throw new FieldException("osReserved", "must be below capacity " + capacity + ", got " + osReserved);
        }
        Require.positive(Require.notNull(peakBandwidth, "peakBandwidth").bytesPerSecond(), "peakBandwidth");
        if (achievableFraction != null) {
            Require.fraction(achievableFraction, "achievableFraction");
        }
        Map<RequesterSet, Bandwidth> measured = new EnumMap<>(RequesterSet.class);
        if (achievableBandwidth != null) {
            measured.putAll(achievableBandwidth);
        }
        for (Map.Entry<RequesterSet, Bandwidth> e : measured.entrySet()) {
            String field = "achievableBandwidth." + e.getKey();
            Require.positive(e.getValue().bytesPerSecond(), field);
            if (e.getValue().compareTo(peakBandwidth) > 0) {
                throw new FieldException(field, e.getValue() + " exceeds peakBandwidth " + peakBandwidth);
            }
        }
        if (achievableFraction == null) {
            for (RequesterSet set : RequesterSet.values()) {
                if (set.required() && !measured.containsKey(set)) {
                    throw new FieldException("achievableBandwidth", "has no entry for '" + set
                            + "'; give all of cpu, npu, cpu+npu or an achievableFraction of peak");
                }
            }
        }
        achievableBandwidth = Map.copyOf(measured);
        Require.notNull(latency, "latency");
        Require.nonNegative(energyPjPerBit, "energyPjPerBit");
    }

    /** DRAM left for models, KV cache and weight caches after the OS/app reserve. */
    public DataSize available() {
        return DataSize.ofBytes(capacity.bytes() - osReserved.bytes());
    }

    /** Sustained bandwidth when {@code requesters} stream at the same time. */
    public Bandwidth achievable(RequesterSet requesters) {
        Bandwidth measured = achievableBandwidth.get(requesters);
        if (measured == null && achievableFraction == null) {
            throw new IllegalArgumentException("dram.achievableBandwidth has no entry for '" + requesters + "' and no achievableFraction");
        }
        return measured != null ? measured : peakBandwidth.times(achievableFraction);
    }

    @Override
    public void addFacts(String prefix, Map<String, String> out) {
        out.put(Facts.join(prefix, "type"), type);
        out.put(Facts.join(prefix, "capacity"), capacity.toString());
        out.put(Facts.join(prefix, "osReserved"), osReserved.toString());
        out.put(Facts.join(prefix, "peakBandwidth"), peakBandwidth.toString());
        if (achievableFraction != null) {
            out.put(Facts.join(prefix, "achievableFraction"), achievableFraction.toString());
        }
        for (RequesterSet set : RequesterSet.values()) {
            Bandwidth measured = achievableBandwidth.get(set);
            if (measured != null) {
                out.put(Facts.join(prefix, "achievableBandwidth." + set), measured.toString());
            }
        }
        out.put(Facts.join(prefix, "latency"), latency.toString());
        out.put(Facts.join(prefix, "energyPjPerBit"), Double.toString(energyPjPerBit));
    }
}

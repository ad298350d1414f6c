package org.pocketsim.hw.spec;

import java.util.List;
import java.util.Map;
import org.pocketsim.hw.config.Require;
import org.pocketsim.hw.unit.Bandwidth;
import org.pocketsim.hw.unit.DataSize;
import org.pocketsim.hw.unit.Duration;

/**
 * Flash storage: measured read bandwidth as a function of request size, for sequential and for
 * random reads (each a monotone table), a per-request latency, the command queue depth and the
 * read energy.
 *
 * @param requestLatency latency added to each request on top of size / bandwidth; presets whose
 *                       tables are measured at depth set it to 0 so the overhead is not counted twice
 */
public record FlashSpec(
        String type,
        List<RatePoint> sequentialRead,
        List<RatePoint> randomRead,
        Duration requestLatency,
        int queueDepth,
        double energyPjPerBit) implements Facts {

    public FlashSpec {
        Require.notBlank(type, "type");
        sequentialRead = RateCurve.validate(sequentialRead, "sequentialRead");
        randomRead = RateCurve.validate(randomRead, "randomRead");
        Require.notNull(requestLatency, "requestLatency");
        Require.positive(queueDepth, "queueDepth");
        Require.nonNegative(energyPjPerBit, "energyPjPerBit");
    }

    /** Sequential-read bandwidth for requests of {@code size} (log-size interpolation, clamped). */
    public Bandwidth sequentialBandwidthAt(DataSize size) {
        return RateCurve.at(sequentialRead, size);
    }

    /** Random-read bandwidth for requests of {@code size} (log-size interpolation, clamped). */
    public Bandwidth randomBandwidthAt(DataSize size) {
        return RateCurve.at(randomRead, size);
    }

    @Override
    public void addFacts(String prefix, Map<String, String> out) {
        out.put(Facts.join(prefix, "type"), type);
        RateCurve.addFacts(sequentialRead, Facts.join(prefix, "sequentialRead"), out);
        RateCurve.addFacts(randomRead, Facts.join(prefix, "randomRead"), out);
        out.put(Facts.join(prefix, "requestLatency"), requestLatency.toString());
        out.put(Facts.join(prefix, "queueDepth"), Integer.toString(queueDepth));
        out.put(Facts.join(prefix, "energyPjPerBit"), Double.toString(energyPjPerBit));
    }
}

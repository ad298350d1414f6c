package org.pocketsim.hw.spec;

import org.pocketsim.hw.config.Require;
import org.pocketsim.hw.unit.Bandwidth;
import org.pocketsim.hw.unit.DataSize;

/** One row of a flash read table: reads of {@code requestSize} stream at {@code bandwidth}. */
public record RatePoint(DataSize requestSize, Bandwidth bandwidth) {

    public RatePoint {
        Require.notNull(requestSize, "requestSize");
        Require.notNull(bandwidth, "bandwidth");
        Require.positive(requestSize.bytes(), "requestSize");
        Require.positive(bandwidth.bytesPerSecond(), "bandwidth");
    }
}

package org.pocketsim.engine.point;

import org.pocketsim.hw.config.ConfigOptional;
import org.pocketsim.hw.config.FieldException;
import org.pocketsim.hw.unit.DataSize;
import org.pocketsim.hw.unit.Duration;

/**
 * The whole run as a phone's energy measurement sees it (opt-in, {@code window:} of a decode
 * run): a fixed start-up, the cold load of the weights from flash, the prefill of the prompt and
 * the decode of every generated token, each with its time and energy. Without it a decode point
 * reports the decode (and time to first token) alone.
 *
 * @param startup     time before the load in which only the SoC floor draws (E1's logger starts
 *                    2 s before the process); default 0 s
 * @param loadRequest request size of the cold load's sequential flash reads, read off the
 *                    profile's measured flash curve; default 512 KiB (the curve's large-request end)
 */
public record WindowSpec(@ConfigOptional Duration startup, @ConfigOptional DataSize loadRequest) {

    public WindowSpec {
        if (startup == null) startup = Duration.ofPicoseconds(0);
        if (loadRequest == null) loadRequest = DataSize.parse("512 KiB");
        if (loadRequest.bytes() < 1) throw new FieldException("loadRequest", "must be at least 1 B, got " + loadRequest);
    }

    /** Start-up time in seconds. */
    public double startupSeconds() {
        return startup.picoseconds() * 1e-12;
    }
}

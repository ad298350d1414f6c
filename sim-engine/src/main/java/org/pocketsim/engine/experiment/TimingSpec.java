package org.pocketsim.engine.experiment;

import org.pocketsim.hw.config.ConfigOptional;

/**
 * How the parts of a token's time combine.
 *
 * @param compute      {@code overlap}: compute hides under I/O (roofline, the default);
 *                     {@code serial}: compute after I/O; {@code ignore}: I/O only (the DIP
 *                     reference simulator and LLM-in-a-flash's I/O latency)
 * @param concurrentIo whether flash and DRAM reads proceed together (max) or one after the
 *                     other (sum); default true, as in the DIP reference
 */
public record TimingSpec(@ConfigOptional Compute compute, @ConfigOptional Boolean concurrentIo) {

    /** Combination of compute with I/O. */
    public enum Compute { OVERLAP, SERIAL, IGNORE }

    public TimingSpec {
        if (compute == null) compute = Compute.OVERLAP;
        if (concurrentIo == null) concurrentIo = Boolean.TRUE;
    }
}

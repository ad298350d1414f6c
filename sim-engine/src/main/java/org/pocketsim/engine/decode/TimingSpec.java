package org.pocketsim.engine.decode;

import org.pocketsim.hw.config.ConfigOptional;

/**
 * How the parts of a token's time combine.
 *
 * @param compute      {@code overlap}: compute hides under I/O (roofline, the default);
 *                     {@code serial}: compute after I/O; {@code ignore}: I/O only (the DIP
 *                     reference simulator and LLM-in-a-flash's I/O latency)
 * @param concurrentIo whether flash and DRAM reads proceed together (max) or one after the
 *                     other (sum); default true, as in the DIP reference
 * @param coRunners    des mode only: other requesters streaming from DRAM at the same time
 *                     (each takes an equal share of the bus); default 0
 * @param prefetch     des mode only: the next group's flash reads start when a group starts, so
 *                     flash reads of layer i+1 overlap the work of layer i; default false
 */
public record TimingSpec(@ConfigOptional Compute compute, @ConfigOptional Boolean concurrentIo,
                         @ConfigOptional Integer coRunners, @ConfigOptional Boolean prefetch) {

    /** Combination of compute with I/O. */
    public enum Compute { OVERLAP, SERIAL, IGNORE }

    public TimingSpec {
        if (compute == null) compute = Compute.OVERLAP;
        if (concurrentIo == null) concurrentIo = Boolean.TRUE;
        if (coRunners == null) coRunners = 0;
        if (prefetch == null) prefetch = Boolean.FALSE;
        if (coRunners < 0 || coRunners > 64) {
            throw new org.pocketsim.hw.config.FieldException("coRunners", "must be in 0..64, got " + coRunners);
        }
    }
}

package org.pocketsim.engine.decode;

/**
 * Time of one token in seconds, split along its critical path so that the parts add up to the
 * total: the executor charges each {@link WorkGroup}'s time to whichever of flash I/O, DRAM I/O
 * or compute bounds it; {@code stall} holds queueing delays (des mode only).
 */
public final class TokenTime {

    public double flash;
    public double dram;
    public double compute;
    public double stall;

    public void reset() {
        flash = 0;
        dram = 0;
        compute = 0;
        stall = 0;
    }

    public double total() {
        return flash + dram + compute + stall;
    }

    /** Adds another token's (or group's) parts to these. */
    public void add(TokenTime other) {
        flash += other.flash;
        dram += other.dram;
        compute += other.compute;
        stall += other.stall;
    }
}

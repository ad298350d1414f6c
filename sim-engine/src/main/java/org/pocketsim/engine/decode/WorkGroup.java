package org.pocketsim.engine.decode;

import org.pocketsim.hw.spec.Requester;

import java.util.Arrays;

/**
 * Bytes and MACs of one unit of decode work that the executor times as a whole: the static
 * part of a token, or one dynamically masked linear layer (the DIP reference times each such
 * "hook" on its own, see papers.md §1.5). Mutable and reused token after token.
 */
public final class WorkGroup {

    /** Compute unit that runs this work (and whose share of the DRAM bus it gets). */
    public Requester unit = Requester.NPU;
    /** Bytes read from DRAM. */
    public long dramBytes;
    /** Bytes read from flash. */
    public long flashBytes;
    /** Size of each flash read request (streaming reads use whole matrices, sparse reads one chunk). */
    public long flashRequestBytes;
    /** Whether flash requests are random (sparse chunks) rather than sequential. */
    public boolean flashRandom;
    /** Multiply-accumulates. */
    public long macs;
    /**
     * Time of the weight format's decode work, in MACs at the unit's rate (0 unless the run prices
     * decode work; negative when the format skips MACs, as N:M does); timed with {@link #macs}.
     */
    public long decodeMacEquivalents;
    /** Bytes read per {@link Component}, both tiers. */
    public final long[] componentBytes = new long[Component.COUNT];

    public void reset() {
        dramBytes = 0;
        flashBytes = 0;
        flashRequestBytes = 0;
        flashRandom = false;
        macs = 0;
        decodeMacEquivalents = 0;
        Arrays.fill(componentBytes, 0L);
    }

    /** Adds {@code bytes} of component {@code c} read from DRAM and {@code macs} MACs. */
    public void dram(Component c, long bytes, long macs) {
        dramBytes += bytes;
        componentBytes[c.ordinal()] += bytes;
        this.macs += macs;
    }

    /** Adds {@code bytes} of component {@code c} read from flash in requests of {@code requestBytes}. */
    public void flash(Component c, long bytes, long requestBytes, boolean random) {
        flashBytes += bytes;
        componentBytes[c.ordinal()] += bytes;
        flashRequestBytes = Math.max(flashRequestBytes, requestBytes);
        flashRandom |= random;
    }

    /** MACs plus decode work, in MAC-equivalents of time. */
    public long computeMacs() {
        return macs + decodeMacEquivalents;
    }

    public long totalBytes() {
        return dramBytes + flashBytes;
    }
}

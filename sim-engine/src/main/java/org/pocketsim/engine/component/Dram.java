package org.pocketsim.engine.component;

import org.pocketsim.engine.channel.Durations;
import org.pocketsim.engine.channel.SharedChannel;
import org.pocketsim.engine.channel.TransferListener;
import org.pocketsim.engine.core.Scheduler;
import org.pocketsim.engine.stats.StatsRegistry;
import org.pocketsim.hw.spec.DramSpec;
import org.pocketsim.hw.spec.RequesterSet;

/**
 * DRAM (LPDDR): capacity, one processor-sharing channel at the achievable bandwidth of the
 * requesters that use it (NPU, CPU, co-runners split it equally while they overlap), and a
 * pipelined access latency. Unloaded transfer = latency + bytes / bandwidth; a long stream
 * runs at the full bandwidth.
 */
public final class Dram {

    private final SharedChannel channel;
    private final long capacityBytes;

    /**
     * @param bytesPerSecond achievable bandwidth for the requesters of this run (the spec's
     *                       measured per-requester figure, or peak x achievable fraction)
     */
    public Dram(Scheduler scheduler, StatsRegistry stats, String name, long capacityBytes,
                double bytesPerSecond, long latencyPs) {
        if (capacityBytes <= 0) {
            throw new IllegalArgumentException("dram '" + name + "': capacity must be positive, got " + capacityBytes + " B");
        }
        this.capacityBytes = capacityBytes;
        this.channel = SharedChannel.processorSharing(scheduler, stats, name, bytesPerSecond, latencyPs);
    }

    /**
     * The DRAM of a SoC profile as seen by {@code requesters}: capacity is what the OS leaves
     * ({@code DramSpec.available()}), bandwidth the spec's achievable figure for that set.
     */
    public static Dram fromSpec(Scheduler scheduler, StatsRegistry stats, String name, DramSpec spec,
                                RequesterSet requesters) {
        return new Dram(scheduler, stats, name, spec.available().bytes(),
                spec.achievable(requesters).bytesPerSecond(), spec.latency().picoseconds());
    }

    /** Moves {@code bytes} (read or write); {@code listener} is told with {@code tag} when done. */
    public void transfer(long bytes, TransferListener listener, int tag) {
        channel.submit(bytes, listener, tag);
    }

    /** Time of one transfer on an idle bus: latency + bytes / bandwidth, ps. */
    public long unloadedTransferPs(long bytes) {
        return channel.latencyPs() + Durations.psFor(bytes, channel.bandwidthBytesPerSecond());
    }

    public long capacityBytes() {
        return capacityBytes;
    }

    public double bytesPerSecond() {
        return channel.bandwidthBytesPerSecond();
    }

    public long latencyPs() {
        return channel.latencyPs();
    }

    /** Transfers submitted and not yet complete. */
    public int outstanding() {
        return channel.outstanding();
    }
}

package org.pocketsim.engine.channel;

/**
 * A shared path to a memory (DRAM bus, flash command queue) that requesters contend for.
 * A transfer first waits the channel's per-request latency (pipelined: it occupies no
 * bandwidth), then queues for service; its service demand is the time it would take alone on
 * the channel. How concurrent transfers share the channel is the implementation's discipline.
 */
public interface Channel {

    /** Submits {@code bytes} at the channel's bandwidth: service demand = bytes / bandwidth. */
    void submit(long bytes, TransferListener listener, int tag);

    /**
     * Submits a transfer with an explicit service demand (e.g. from a flash request-size
     * curve); {@code bytes} is counted in the statistics only.
     */
    void submitService(long servicePs, long bytes, TransferListener listener, int tag);

    /** Transfers submitted and not yet completed (in latency, queued or in service). */
    int outstanding();

    /** Bandwidth used by {@link #submit}, bytes per second. */
    double bandwidthBytesPerSecond();

    /** Per-request latency before a transfer may start, ps. */
    long latencyPs();

    /** Exclusive service time of {@code bytes} at this channel's bandwidth, ps (rounded up). */
    default long servicePsFor(long bytes) {
        return Durations.psFor(bytes, bandwidthBytesPerSecond());
    }
}

package org.pocketsim.engine.component;

import org.pocketsim.engine.channel.Durations;
import org.pocketsim.engine.channel.SharedChannel;
import org.pocketsim.engine.channel.TransferListener;
import org.pocketsim.engine.core.Scheduler;
import org.pocketsim.engine.stats.StatsRegistry;
import org.pocketsim.hw.spec.FlashSpec;

/**
 * Flash storage (UFS): one command queue of depth {@code queueDepth}; a read occupies a queue
 * slot for its access latency and then its data transfer, which the device interface serves
 * one at a time (FIFO) at the bandwidth of its request size and pattern. A deep queue hides
 * the latency behind other transfers; depth 1 pays it on every read.
 *
 * <p>Formulas (s = request bytes, B(s) = curve bandwidth, L = latency, Q = queue depth):
 * unloaded read = L + s / B(s); streaming throughput of back-to-back reads of size s =
 * min(B(s), Q x s / (L + s / B(s))).
 */
public final class Flash {

    private final SharedChannel channel;
    private final BandwidthCurve sequential;
    private final BandwidthCurve random;
    private final long latencyPs;
    private final int queueDepth;

    public Flash(Scheduler scheduler, StatsRegistry stats, String name, BandwidthCurve sequential,
                 BandwidthCurve random, long latencyPs, int queueDepth) {
        if (sequential == null || random == null) {
            throw new IllegalArgumentException("flash '" + name + "' needs sequential and random bandwidth curves");
        }
        this.sequential = sequential;
        this.random = random;
        this.latencyPs = latencyPs;
        this.queueDepth = queueDepth;
        this.channel = new SharedChannel(scheduler, stats, name, sequential.bytesPerSecondAt(Long.MAX_VALUE),
                latencyPs, 1, queueDepth);
    }

    /** The flash of a SoC profile: its sequential and random tables, request latency and queue depth. */
    public static Flash fromSpec(Scheduler scheduler, StatsRegistry stats, String name, FlashSpec spec) {
        return new Flash(scheduler, stats, name, BandwidthCurve.fromRatePoints(spec.sequentialRead()),
                BandwidthCurve.fromRatePoints(spec.randomRead()), spec.requestLatency().picoseconds(), spec.queueDepth());
    }

    /** Reads {@code bytes} as one request; {@code listener} is told with {@code tag} when done. */
    public void read(long bytes, ReadPattern pattern, TransferListener listener, int tag) {
        channel.submitService(transferPs(bytes, pattern), bytes, listener, tag);
    }

    /** Bandwidth of requests of {@code requestBytes} in {@code pattern}, bytes per second. */
    public double bytesPerSecondAt(long requestBytes, ReadPattern pattern) {
        return curve(pattern).bytesPerSecondAt(requestBytes);
    }

    /** Data-transfer time of one request: s / B(s), ps rounded up. */
    public long transferPs(long requestBytes, ReadPattern pattern) {
        return Durations.psFor(requestBytes, bytesPerSecondAt(requestBytes, pattern));
    }

    /** Time of one read on an idle device: L + s / B(s), ps. */
    public long unloadedReadPs(long requestBytes, ReadPattern pattern) {
        return latencyPs + transferPs(requestBytes, pattern);
    }

    /** Throughput of back-to-back reads of {@code requestBytes}: min(B(s), Q s / (L + s / B(s))). */
    public double streamingBytesPerSecond(long requestBytes, ReadPattern pattern) {
        double latencyBound = queueDepth * requestBytes * Durations.PS_PER_SECOND
                / (latencyPs + transferPs(requestBytes, pattern));
        return Math.min(bytesPerSecondAt(requestBytes, pattern), latencyBound);
    }

    public long latencyPs() {
        return latencyPs;
    }

    public int queueDepth() {
        return queueDepth;
    }

    /** Reads submitted and not yet complete. */
    public int outstanding() {
        return channel.outstanding();
    }

    private BandwidthCurve curve(ReadPattern pattern) {
        return pattern == ReadPattern.SEQUENTIAL ? sequential : random;
    }
}

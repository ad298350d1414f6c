package org.pocketsim.engine.component;

import java.util.Map;
import java.util.TreeMap;
import org.pocketsim.engine.channel.SharedChannel;
import org.pocketsim.engine.channel.TransferListener;
import org.pocketsim.engine.core.Scheduler;
import org.pocketsim.engine.stats.Counter;
import org.pocketsim.engine.stats.StatsRegistry;

/**
 * Shared core of the NPU and CPU models: a FIFO queue of compute jobs on one unit, with the
 * MACs run counted per number format ("name.macs.int8") for pricing afterwards.
 */
final class ComputeQueue {

    private final SharedChannel queue;
    private final StatsRegistry stats;
    private final String name;
    private final Map<String, Counter> macsByFormat = new TreeMap<>();

    ComputeQueue(Scheduler scheduler, StatsRegistry stats, String name) {
        this.stats = stats;
        this.name = name;
        this.queue = SharedChannel.fifo(scheduler, stats, name, 1.0, 0);
    }

    void run(long macs, String format, long durationPs, TransferListener listener, int tag) {
        macsByFormat.computeIfAbsent(format, f -> stats.counter(name, "macs." + f)).add(macs);
        queue.submitService(durationPs, 0, listener, tag);
    }

    /** MACs run so far in {@code format}. */
    long macs(String format) {
        Counter counter = macsByFormat.get(format);
        return counter == null ? 0 : counter.value();
    }

    int outstanding() {
        return queue.outstanding();
    }
}

package org.pocketsim.engine.component;

import java.util.Map;
import java.util.TreeMap;
import org.pocketsim.engine.channel.TransferListener;
import org.pocketsim.engine.core.Scheduler;
import org.pocketsim.engine.stats.StatsRegistry;
import org.pocketsim.hw.spec.NpuSpec;

/**
 * NPU MAC arrays: time for N MACs in a format = N / (MACs per cycle in that format x clock x
 * utilisation of the stage), rounded up to whole ps. Jobs queue FIFO on the unit.
 */
public final class Npu {

    private final ComputeQueue queue;
    private final String name;
    private final double clockHz;
    private final Map<String, Long> macsPerCycle;
    private final double prefillUtilisation;
    private final double decodeUtilisation;

    public Npu(Scheduler scheduler, StatsRegistry stats, String name, double clockHz,
               Map<String, Long> macsPerCycle, double prefillUtilisation, double decodeUtilisation) {
        if (!(clockHz > 0) || Double.isInfinite(clockHz)) {
            throw new IllegalArgumentException("npu '" + name + "': clock must be positive, got " + clockHz + " Hz");
        }
        if (macsPerCycle == null || macsPerCycle.isEmpty()) {
            throw new IllegalArgumentException("npu '" + name + "': needs MACs per cycle for at least one format");
        }
        macsPerCycle.forEach((format, rate) -> {
            if (rate == null || rate <= 0) {
                throw new IllegalArgumentException("npu '" + name + "': macsPerCycle." + format + " must be > 0, got " + rate);
            }
        });
        this.prefillUtilisation = ComputeRates.utilisation(prefillUtilisation, "npu '" + name + "': prefillUtilisation");
        this.decodeUtilisation = ComputeRates.utilisation(decodeUtilisation, "npu '" + name + "': decodeUtilisation");
        this.name = name;
        this.clockHz = clockHz;
        this.macsPerCycle = new TreeMap<>(macsPerCycle);
        this.queue = new ComputeQueue(scheduler, stats, name);
    }

    /** The NPU of a SoC profile: clock, MACs per cycle per format, prefill and decode utilisation. */
    public static Npu fromSpec(Scheduler scheduler, StatsRegistry stats, String name, NpuSpec spec) {
        return new Npu(scheduler, stats, name, spec.clock().hertz(), spec.macsPerCycle(),
                spec.prefillUtilisation(), spec.decodeUtilisation());
    }

    /** MACs per second sustained in {@code format} during {@code stage}. */
    public double macsPerSecond(String format, Stage stage) {
        Long rate = macsPerCycle.get(format);
        if (rate == null) {
            throw new IllegalArgumentException("npu '" + name + "' has no MAC rate for format '" + format
                    + "' (has: " + String.join(", ", macsPerCycle.keySet()) + ")");
        }
        return rate * clockHz * (stage == Stage.PREFILL ? prefillUtilisation : decodeUtilisation);
    }

    /** Time of {@code macs} MACs in {@code format}: ceil(N x 1e12 / (MACs/cycle x clock x utilisation)) ps. */
    public long computePs(long macs, String format, Stage stage) {
        return ComputeRates.psFor(macs, macsPerSecond(format, stage));
    }

    /** Queues a job of {@code macs} MACs; {@code listener} is told with {@code tag} when it ends. */
    public void compute(long macs, String format, Stage stage, TransferListener listener, int tag) {
        queue.run(macs, format, computePs(macs, format, stage), listener, tag);
    }

    /** MACs run so far in {@code format}. */
    public long macs(String format) {
        return queue.macs(format);
    }

    public boolean supports(String format) {
        return macsPerCycle.containsKey(format);
    }

    /** Jobs queued or running. */
    public int outstanding() {
        return queue.outstanding();
    }
}

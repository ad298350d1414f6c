package org.pocketsim.engine.component;

import java.util.Map;
import java.util.TreeMap;
import org.pocketsim.engine.channel.TransferListener;
import org.pocketsim.engine.core.Scheduler;
import org.pocketsim.engine.stats.StatsRegistry;
import org.pocketsim.hw.spec.CpuSpec;

/**
 * CPU cluster running kernels such as llama.cpp: time for N MACs in a format = N / (MACs per
 * cycle per core x cores used x clock x utilisation), rounded up to whole ps. Jobs queue FIFO.
 * The utilisation (share of peak a real kernel reaches) is a run parameter: no measured value
 * is in the reference, so callers must state theirs as assumed.
 */
public final class Cpu {

    private final ComputeQueue queue;
    private final String name;
    private final int cores;
    private final double clockHz;
    private final Map<String, Double> macsPerCyclePerCore;
    private final double utilisation;

    public Cpu(Scheduler scheduler, StatsRegistry stats, String name, int cores, double clockHz,
               Map<String, Double> macsPerCyclePerCore, double utilisation) {
        if (cores <= 0) {
            throw new IllegalArgumentException("cpu '" + name + "': cores must be positive, got " + cores);
        }
        if (!(clockHz > 0) || Double.isInfinite(clockHz)) {
            throw new IllegalArgumentException("cpu '" + name + "': clock must be positive, got " + clockHz + " Hz");
        }
        if (macsPerCyclePerCore == null || macsPerCyclePerCore.isEmpty()) {
            throw new IllegalArgumentException("cpu '" + name + "': needs MACs per cycle for at least one format");
        }
        macsPerCyclePerCore.forEach((format, rate) -> {
            if (rate == null || !(rate > 0)) {
                throw new IllegalArgumentException("cpu '" + name + "': macsPerCyclePerCore." + format + " must be > 0, got " + rate);
            }
        });
        this.utilisation = ComputeRates.utilisation(utilisation, "cpu '" + name + "': utilisation");
        this.name = name;
        this.cores = cores;
        this.clockHz = clockHz;
        this.macsPerCyclePerCore = new TreeMap<>(macsPerCyclePerCore);
        this.queue = new ComputeQueue(scheduler, stats, name);
    }

    /** The CPU of a SoC profile (all its cores) at the caller's {@code utilisation} of peak. */
    public static Cpu fromSpec(Scheduler scheduler, StatsRegistry stats, String name, CpuSpec spec, double utilisation) {
        return new Cpu(scheduler, stats, name, spec.cores(), spec.clock().hertz(), spec.macsPerCyclePerCore(), utilisation);
    }

    /** MACs per second of the cores used, in {@code format}. */
    public double macsPerSecond(String format) {
        Double rate = macsPerCyclePerCore.get(format);
        if (rate == null) {
            throw new IllegalArgumentException("cpu '" + name + "' has no MAC rate for format '" + format
                    + "' (has: " + String.join(", ", macsPerCyclePerCore.keySet()) + ")");
        }
        return rate * cores * clockHz * utilisation;
    }

    /** Time of {@code macs} MACs: ceil(N x 1e12 / (MACs/cycle/core x cores x clock x utilisation)) ps. */
    public long computePs(long macs, String format) {
        return ComputeRates.psFor(macs, macsPerSecond(format));
    }

    /** Queues a job of {@code macs} MACs; {@code listener} is told with {@code tag} when it ends. */
    public void compute(long macs, String format, TransferListener listener, int tag) {
        queue.run(macs, format, computePs(macs, format), listener, tag);
    }

    /** MACs run so far in {@code format}. */
    public long macs(String format) {
        return queue.macs(format);
    }

    public int cores() {
        return cores;
    }

    /** Jobs queued or running. */
    public int outstanding() {
        return queue.outstanding();
    }
}

package org.pocketsim.engine.replay;

import org.pocketsim.hw.spec.CpuSpec;
import org.pocketsim.hw.spec.SocSpec;
import org.pocketsim.kernel.work.NodeWork;

/**
 * A deliberately simple CPU cost model for replaying kernel nodes, one node at a time, each using
 * all {@code threads}:
 * <pre>
 *   view         t = fixed
 *   element-wise t = fixed + elementOps / (min(threads, rows) x elementRate)      (ggml splits rows)
 *   GEMV / GEMM  t = fixed + max(weightBytes / bandwidth, MACs / (threads x macRate(format)))
 *   attention    t = fixed + max(cacheBytes / bandwidth, ceil(rows / threads) x rowLatency)
 * </pre>
 * plus, once per graph, a {@code warmupMs} spent before the cores reach their steady speed (DVFS
 * ramp and migration of the threads to big cores after the pause between tokens), charged to the
 * first layer's matrix products. KV-cache rows of attention are short (32 to 128 fp16 elements,
 * strided by the context length in the V cache) and are modelled as one dependent DRAM access each.
 *
 * @param threads            threads running each node
 * @param bandwidth          achievable DRAM bandwidth of {@code threads} threads, bytes/s
 * @param macRateInt8        MACs/s per core of quantised weights (llama.cpp types, int groups) times 8-bit activations
 * @param macRateKQuant      MACs/s per core of k-quant and iq4 weights (more unpacking per weight)
 * @param macRateFloat       MACs/s per core of fp16 / fp32 weights
 * @param elementRate        element-wise operations/s per core
 * @param fixedMs            fixed cost of every node: thread hand-off and barrier
 * @param rowLatencyMs       latency of one KV-cache row fetched from DRAM
 * @param warmupMs           extra time per graph before the cores reach steady speed
 */
public record CpuReplayModel(int threads, double bandwidth, double macRateInt8, double macRateKQuant, double macRateFloat,
                             double elementRate, double fixedMs, double rowLatencyMs, double warmupMs) {

    /** Assumed clock of the log's unnamed device: 2023 Android big cores (Cortex-A76 to A78) run at 2.2 to 2.8 GHz. */
    static final double LOG_DEVICE_CLOCK_HZ = 2.4e9;
    /**
     * Assumed MACs per cycle and core of ggml's NEON q4_0 x q8_0 kernel without the dot-product
     * extension (the log's system_info names NEON and ARM_FMA only): about 16 NEON instructions per
     * 32-weight block (unpack, widen, vmull, pairwise add, convert, fma) on two 128-bit pipes.
     */
    static final double LOG_DEVICE_MACS_PER_CYCLE_INT8 = 8;
    /** Assumed: k-quants unpack 6-bit scales and split bit planes, about twice the instructions per weight. */
    static final double LOG_DEVICE_MACS_PER_CYCLE_KQUANT = 4;
    /** Assumed: fp16 dot product converted to fp32, four lanes on each of two pipes. */
    static final double LOG_DEVICE_MACS_PER_CYCLE_FLOAT = 8;
    /** Assumed: ggml's element-wise loops retire about one element operation per cycle and core. */
    static final double ELEMENT_OPS_PER_CYCLE = 1;
    /** Assumed: ggml build 1307 spins its threads on an atomic counter after every node, about 1.5 us. */
    static final double FIXED_MS = 0.0015;
    /** Assumed: loaded LPDDR latency of about 100 ns, as the phone presets assume. */
    static final double LOG_DEVICE_ROW_LATENCY_MS = 100e-6;
    /**
     * Assumed for retargets: one big core streams at most about 15 GB/s from DRAM (its outstanding
     * misses bound it), so a few threads cannot reach the profile's CPU bandwidth.
     */
    static final double BANDWIDTH_PER_THREAD = 15e9;

    /** The log's own device: assumed rates, with the two calibrated parameters given. */
    static CpuReplayModel logDevice(int threads, double calibratedBandwidth, double calibratedWarmupMs) {
        double clock = LOG_DEVICE_CLOCK_HZ;
        return new CpuReplayModel(threads, calibratedBandwidth, LOG_DEVICE_MACS_PER_CYCLE_INT8 * clock,
                LOG_DEVICE_MACS_PER_CYCLE_KQUANT * clock, LOG_DEVICE_MACS_PER_CYCLE_FLOAT * clock,
                ELEMENT_OPS_PER_CYCLE * clock, FIXED_MS, LOG_DEVICE_ROW_LATENCY_MS, calibratedWarmupMs);
    }

    /**
     * A SoC profile's CPU: bandwidth {@code min(threads x 15 GB/s, cpu.memoryBandwidth)}, MAC rates
     * from {@code cpu.macsPerCyclePerCore} (int8 for quantised weights, which llama.cpp multiplies as
     * int8 after unpacking; k-quants at half that, as on the log's device; fp16 for float weights),
     * the DRAM latency of the profile, and no warm-up (the ramp is the log device's governor's).
     */
    static CpuReplayModel of(SocSpec soc, int threads) {
        CpuSpec cpu = soc.cpu();
        int used = Math.min(threads, cpu.cores());
        double clock = cpu.clock().hertz();
        double int8 = cpu.peakMacsPerSecond("int8") / cpu.cores();
        double fp16 = cpu.peakMacsPerSecond("fp16") / cpu.cores();
        double bw = Math.min(used * BANDWIDTH_PER_THREAD, cpu.memoryBandwidth().bytesPerSecond());
        double latencyMs = soc.dram().latency().nanoseconds() / 1e6;
        return new CpuReplayModel(used, bw, int8, int8 / 2, fp16, ELEMENT_OPS_PER_CYCLE * clock, FIXED_MS, latencyMs, 0);
    }

    /** Time of one node's work in ms, without the per-graph warm-up. */
    double ms(NodeWork w) {
        return switch (w.kind()) {
            case VIEW -> fixedMs;
            case ELEMENTWISE -> fixedMs + w.elementOps() / (Math.min(threads, w.rows()) * elementRate) * 1e3;
            case GEMV, GEMM -> fixedMs + Math.max(w.weightBytes() / bandwidth, w.macs() / (threads * macRate(w.weightFormat()))) * 1e3;
            case ATTENTION -> fixedMs + Math.max(w.weightBytes() / bandwidth * 1e3,
                    Math.ceil((double) w.rows() / threads) * rowLatencyMs);
        };
    }

    /** MACs/s per core for weights stored in {@code format}. */
    double macRate(String format) {
        if (format.equals("fp16") || format.equals("fp32") || format.equals("bf16")) return macRateFloat;
        if (format.endsWith("_k") || format.startsWith("iq")) return macRateKQuant;
        return macRateInt8;
    }

    /** This model with another achievable bandwidth and warm-up (the calibration's two parameters). */
    CpuReplayModel withCalibration(double bandwidthBytesPerSecond, double warmup) {
        return new CpuReplayModel(threads, bandwidthBytesPerSecond, macRateInt8, macRateKQuant, macRateFloat, elementRate,
                fixedMs, rowLatencyMs, warmup);
    }
}

package org.pocketsim.engine.replay;

import org.pocketsim.engine.compute.CpuCompute;
import org.pocketsim.engine.compute.KernelLibrary;
import org.pocketsim.hw.spec.SocSpec;
import org.pocketsim.kernel.work.NodeWork;

/**
 * The CPU model of {@link CpuCompute} applied to replayed kernel nodes, one node at a time, each
 * on all threads, plus what only a replay sees:
 * <pre>
 *   view         t = fixed
 *   element-wise t = fixed + max(elementOps / (min(threads, rows) x elementRate), strided lines / bandwidth)
 *   GEMV / GEMM  t = CpuCompute.matMulSeconds: 2 x fixed + max(bytes / bandwidth, MACs / rate)
 *                (GEMM as {@code tokens} GEMVs where the build has no GEMM kernel)
 *   attention    t = 2 x fixed + max(cacheBytes / bandwidth, ceil(rows / threads) x rowLatency)
 * </pre>
 * plus, once per graph, a {@code warmupMs} spent before the cores reach their steady speed (DVFS
 * ramp and migration of the threads to big cores after the pause between tokens), charged to the
 * first layer's matrix products. KV-cache rows of attention are short (32 to 128 fp16 elements,
 * strided by the context length in the V cache) and are modelled as one dependent DRAM access each.
 * An element-wise node whose rows are narrower than a cache line (the copy of V into its
 * transposed cache: one element per row) moves a whole line per row, read and written back.
 *
 * @param cpu            bandwidth, kernel rates, element rate and fork/join of the threads
 * @param rowLatencyMs   latency of one KV-cache row fetched from DRAM
 * @param warmupMs       extra time per graph before the cores reach steady speed
 * @param gemmAsGemvs    whether a product of n tokens costs n single-token passes (ggml builds of
 *                       2023 on cores without dot product: vec_dot per output row and token, no
 *                       GEMM kernel), else the model's GEMM rate
 */
public record CpuReplayModel(CpuCompute cpu, double rowLatencyMs, double warmupMs, boolean gemmAsGemvs, NpuMatMul npu) {

    /**
     * Weight matrix products moved to an NPU (a what-if): {@code max(weightBytes / bandwidth, MACs / rate)}
     * with the preset's rate and DRAM bandwidth of the NPU; no fork/join of the CPU threads and no
     * hand-off cost between CPU and NPU (not in the references: the what-if is a lower bound).
     *
     * @param bandwidth  the NPU's achievable DRAM bandwidth, bytes/s
     * @param int8Gemv   int8 MACs/s at the decode utilisation (quantised weights)
     * @param int8Gemm   int8 MACs/s at the prefill utilisation
     * @param fp16Gemv   fp16 MACs/s at the decode utilisation (float weights)
     * @param fp16Gemm   fp16 MACs/s at the prefill utilisation
     */
    public record NpuMatMul(double bandwidth, double int8Gemv, double int8Gemm, double fp16Gemv, double fp16Gemm) {

        double ms(NodeWork w, boolean gemm) {
            boolean fp = CpuCompute.family(w.weightFormat()) == CpuCompute.Family.FLOAT;
            double rate = fp ? (gemm ? fp16Gemm : fp16Gemv) : (gemm ? int8Gemm : int8Gemv);
            return Math.max(w.weightBytes() / bandwidth, w.macs() / rate) * 1e3;
        }
    }

    /** Assumed clock of the log's unnamed device: 2023 Android big cores (Cortex-A76 to A78) run at 2.2 to 2.8 GHz. */
    static final double LOG_DEVICE_CLOCK_HZ = 2.4e9;
    /**
     * Assumed peak int8 MACs per cycle and core of the log's device: two 128-bit NEON pipes (as
     * Cortex-A76 to A78). Its build reports NEON and ARM_FMA but no dot product, so
     * {@link KernelLibrary#share} takes half the dot-product share.
     */
    static final double LOG_DEVICE_PEAK_INT8 = 32;
    /** Assumed: fp16 on the same pipes, eight lanes each. */
    static final double LOG_DEVICE_PEAK_FP16 = 16;
    /** Assumed: loaded LPDDR latency of about 100 ns, as the phone presets assume. */
    static final double LOG_DEVICE_ROW_LATENCY_MS = 100e-6;
    /** Bytes of one cache line (Arm cores of the last decade). */
    static final int CACHE_LINE = 64;

    /** The log's own device: assumed rates, with the two calibrated parameters given. */
    static CpuReplayModel logDevice(int threads, double calibratedBandwidth, double calibratedWarmupMs) {
        double clock = LOG_DEVICE_CLOCK_HZ;
        double[][] rate = CpuCompute.rates(LOG_DEVICE_PEAK_INT8 * clock, LOG_DEVICE_PEAK_FP16 * clock, false, false,
                KernelLibrary.GGML);
        CpuCompute cpu = new CpuCompute("log device, " + threads + " threads", threads, calibratedBandwidth, rate,
                clock, CpuCompute.barrier(threads), KernelLibrary.GGML, null);
        return new CpuReplayModel(cpu, LOG_DEVICE_ROW_LATENCY_MS, calibratedWarmupMs, true, null);
    }

    /**
     * A SoC profile's CPU ({@link CpuCompute#of}), the DRAM latency of the profile, no warm-up (the
     * ramp is the log device's governor's) and GEMM kernels (llama.cpp has had them on Arm since 2024).
     */
    static CpuReplayModel of(SocSpec soc, int threads) {
        return new CpuReplayModel(CpuCompute.of(soc, threads, KernelLibrary.GGML), soc.dram().latency().nanoseconds() / 1e6, 0, false, null);
    }

    /** This model with the weight matrix products on {@code soc}'s NPU (preset rates and bandwidth). */
    CpuReplayModel withNpu(SocSpec soc) {
        var preset = new org.pocketsim.engine.compute.PresetCompute(soc);
        var npu = org.pocketsim.hw.spec.Requester.NPU;
        var decode = org.pocketsim.engine.component.Stage.DECODE;
        var prefill = org.pocketsim.engine.component.Stage.PREFILL;
        double bw = soc.dram().achievable(org.pocketsim.hw.spec.RequesterSet.of(npu)).bytesPerSecond();
        return new CpuReplayModel(cpu, rowLatencyMs, warmupMs, gemmAsGemvs, new NpuMatMul(bw,
                preset.macsPerSecond(npu, "int8", decode), preset.macsPerSecond(npu, "int8", prefill),
                preset.macsPerSecond(npu, "fp16", decode), preset.macsPerSecond(npu, "fp16", prefill)));
    }

    public int threads() { return cpu.threads(); }
    public double bandwidth() { return cpu.bandwidth(); }
    public double fixedMs() { return cpu.forkJoinSeconds() * 1e3; }
    double matMulFixedMs() { return cpu.matMulFixedSeconds() * 1e3; }

    /** Time of one node's work in ms, without the per-graph warm-up. */
    double ms(NodeWork w, int tokens) {
        return switch (w.kind()) {
            case VIEW -> fixedMs();
            case ELEMENTWISE -> Math.max(cpu.elementSeconds(w.elementOps(), w.rows()) * 1e3, fixedMs() + stridedMs(w));
            case GEMV, GEMM -> npu != null ? npu.ms(w, w.kind() == NodeWork.Kind.GEMM) : cpuMatMulMs(w, tokens);
            case ATTENTION -> matMulFixedMs() + Math.max(w.weightBytes() / cpu.bandwidth() * 1e3,
                    Math.ceil((double) w.rows() / cpu.threads()) * rowLatencyMs);
        };
    }

    private double cpuMatMulMs(NodeWork w, int tokens) {
        return switch (w.kind()) {
            case GEMV -> cpu.matMulSeconds(w.weightBytes(), w.macs(), w.weightFormat(), false) * 1e3;
            case GEMM -> gemmAsGemvs
                    ? matMulFixedMs() + tokens * (cpu.matMulSeconds(w.weightBytes(), w.macs() / tokens, w.weightFormat(), false) * 1e3 - matMulFixedMs())
                    : cpu.matMulSeconds(w.weightBytes(), w.macs(), w.weightFormat(), true) * 1e3;
            default -> throw new IllegalArgumentException("not a matrix product: " + w.kind());
        };
    }

    /** A strided element-wise node (rows narrower than a line) moves a line per row, read and written: ms at the bandwidth. */
    private double stridedMs(NodeWork w) {
        if (w.rows() == 0 || w.elementOps() / w.rows() >= CACHE_LINE / 4) return 0;
        return 2.0 * w.rows() * CACHE_LINE / cpu.bandwidth() * 1e3;
    }

    /** This model with another achievable bandwidth and warm-up (the calibration's two parameters). */
    CpuReplayModel withCalibration(double bandwidthBytesPerSecond, double warmup) {
        return new CpuReplayModel(cpu.withBandwidth(bandwidthBytesPerSecond), rowLatencyMs, warmup, gemmAsGemvs, npu);
    }
}

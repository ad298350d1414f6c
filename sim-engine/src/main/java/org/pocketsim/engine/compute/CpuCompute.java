package org.pocketsim.engine.compute;

import org.pocketsim.engine.component.Stage;
import org.pocketsim.hw.spec.CpuSpec;
import org.pocketsim.hw.spec.NpuSpec;
import org.pocketsim.hw.spec.Requester;
import org.pocketsim.hw.spec.SocSpec;

import java.util.Set;

/**
 * A CPU running quantised LLM kernels the way llama.cpp and XNNPACK do, node after node on
 * {@code threads} threads:
 * <pre>
 *   matrix product  t = forkJoin + max(weightBytes / bandwidth(threads), MACs / (threads x rate(format, GEMV|GEMM)))
 *   element-wise    t = forkJoin + elementOps / (min(threads, rows) x elementRate)
 * </pre>
 * {@code bandwidth(threads) = min(threads x coreBandwidth, cpu.memoryBandwidth)}: one core's
 * outstanding misses bound what it streams. Kernel rates per core are the profile's peak int8
 * (or fp16) MACs per cycle, at the mean clock of the threads' cores ({@link CpuSpec#meanClockHz}),
 * times the share a kernel reaches with the SIMD features the cores have ({@link #kernelShare});
 * decode multiplies one token (GEMV), prefill many (GEMM, where i8mm's 2x8x8 SMMLA doubles the
 * dot-product rate for the weight types whose kernel has a two-row SMMLA path,
 * {@link #hasTwoRowI8mmKernel}). The same numbers time the kernel replay's nodes
 * ({@code engine.replay.CpuReplayModel}) and a {@code decode} run's CPU work (compute: cpu).
 *
 * <p>Formats are grouped into families: {@link Family#INT} (32-weight integer groups and
 * per-channel or per-group int4/int8: q4_0, q8_0, int4-g128, int8), {@link Family#KQUANT}
 * (llama.cpp k-quants and i-quants: super-blocks with packed 6-bit scales) and {@link Family#FLOAT}.
 *
 * @see CpuComputeSpec
 */
public final class CpuCompute implements ComputeModel {

    /** Weight-format families with different dequantisation work per weight. */
    public enum Family { INT, KQUANT, FLOAT }

    /**
     * Assumed (not in the references): one Armv8.2+ core streams about 15 GB/s from LPDDR5/5X
     * alone; a big core sustains some tens of outstanding line fills at about 100 ns.
     */
    public static final double DEFAULT_CORE_BANDWIDTH = 15e9;

    /**
     * ggml's thread barrier per graph node, ggml-org/llama.cpp PR #9598 ({@code test-barrier},
     * threadpool build, EPYC 7543): 1.96 us per node with 4 threads, 3.04 us with 8; this is the
     * line through those two points, 0.88 us + 0.27 us per thread. Used where a profile gives no
     * {@code cpu.forkJoin} (an x86 server's barrier: a lower bound for a phone).
     */
    static final double BARRIER_BASE_S = 0.88e-6;
    static final double BARRIER_PER_THREAD_S = 0.27e-6;

    /** Assumed: ggml's element-wise loops retire about one element operation per cycle and core. */
    static final double ELEMENT_OPS_PER_CYCLE = 1;

    private final String label;
    private final int threads;
    private final double bandwidth;
    /** MACs/s per core, [family][{@link #GEMV}, {@link #GEMM}, {@link #GEMM_DOT}]. */
    private final double[][] coreRate;

    /** Columns of the rate table: one token, many tokens at the best GEMM, many without i8mm. */
    public static final int GEMV = 0, GEMM = 1, GEMM_DOT = 2;

    /**
     * llama.cpp types whose Arm CPU dot product has no two-row SMMLA (i8mm) path: their
     * {@code type_traits_cpu.nrows} is 1 where q4_0, q4_1, q8_0, q4_k and q6_k have 2, and Arm
     * repacks none of them into i8mm tiles (only q4_0, and iq4_nl with dot product); a prefill
     * multiplies them at the dot-product GEMM rate. Source: ggml/src/ggml-cpu/ggml-cpu.c and
     * repack.cpp as shipped in eziyoo/LLMs-on-Devices@0d0e9706:android-app (the E1 measurements' build).
     */
    static final Set<String> NO_TWO_ROW_I8MM = Set.of("q5_0", "q5_1", "q2_k", "q3_k", "q5_k", "iq4_xs", "iq4_nl");
    private final double elementRate;
    private final double forkJoinSeconds;
    /** The profile's tables for prices and for any unit other than the CPU; null for a bare model (the replay's). */
    private final ComputeModel profile;

    /**
     * @param label           what the report says
     * @param threads         threads running every node
     * @param bandwidth       achievable DRAM bandwidth of those threads, bytes/s
     * @param coreRate        MACs/s per core, indexed [family ordinal][{@link #GEMV}, {@link #GEMM}, {@link #GEMM_DOT}]
     * @param elementRate     element operations/s per core
     * @param forkJoinSeconds fixed cost of every node
     * @param profile         prices and other units' rates (the profile's tables), or null
     */
    public CpuCompute(String label, int threads, double bandwidth, double[][] coreRate, double elementRate, double forkJoinSeconds,
                      ComputeModel profile) {
        if (threads < 1) throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        this.label = label;
        this.threads = threads;
        this.bandwidth = bandwidth;
        this.coreRate = new double[][] {coreRate[0].clone(), coreRate[1].clone(), coreRate[2].clone()};
        for (double[] r : this.coreRate) {
            if (r.length != 3) throw new IllegalArgumentException("a rate row holds GEMV, GEMM and GEMM_DOT, got " + r.length);
        }
        this.elementRate = elementRate;
        this.forkJoinSeconds = forkJoinSeconds;
        this.profile = profile;
    }

    /**
     * The CPU of {@code soc} on {@code threads} threads (at most its inference cores), from the
     * clocks of its fastest {@code threads} cores, peak MACs per cycle, SIMD features, per-core
     * bandwidth and fork/join cost.
     */
    public static CpuCompute of(SocSpec soc, int threads) {
        CpuSpec cpu = soc.cpu();
        int used = Math.max(1, Math.min(threads, cpu.cores()));
        double clock = cpu.meanClockHz(used);
        double core = cpu.coreBandwidth() != null ? cpu.coreBandwidth().bytesPerSecond() : DEFAULT_CORE_BANDWIDTH;
        double bw = Math.min(used * core, cpu.memoryBandwidth().bytesPerSecond());
        double[][] rate = rates(cpu.macsPerCycle("int8") * clock, cpu.macsPerCycle("fp16") * clock, cpu.has("dotprod"), cpu.has("i8mm"));
        double forkJoin = cpu.forkJoin() != null
                ? cpu.forkJoin().seconds() * barrier(used) / barrier(cpu.cores())
                : barrier(used);
        return new CpuCompute("CPU model of " + soc.name() + ", " + used + " threads", used, bw, rate,
                ELEMENT_OPS_PER_CYCLE * clock, forkJoin, new PresetCompute(soc));
    }

    /** The rate table of cores with these int8 and fp16 peaks (MACs/s per core) and SIMD features. */
    public static double[][] rates(double int8Peak, double fp16Peak, boolean dotprod, boolean i8mm) {
        double[][] rate = new double[Family.values().length][3];
        for (Family f : Family.values()) {
            double peak = f == Family.FLOAT ? fp16Peak : int8Peak;
            rate[f.ordinal()][GEMV] = peak * kernelShare(f, false, dotprod, i8mm);
            rate[f.ordinal()][GEMM] = peak * kernelShare(f, true, dotprod, i8mm);
            rate[f.ordinal()][GEMM_DOT] = peak * kernelShare(f, true, dotprod, false);
        }
        return rate;
    }

    /** Whether a prefill of {@code weightFormat} weights runs llama.cpp's two-row SMMLA kernel (see {@link #NO_TWO_ROW_I8MM}). */
    public static boolean hasTwoRowI8mmKernel(String weightFormat) {
        return !NO_TWO_ROW_I8MM.contains(weightFormat);
    }

    /** ggml's barrier cost with {@code threads} threads (PR #9598's line); profiles scale their own forkJoin by it. */
    public static double barrier(int threads) {
        return BARRIER_BASE_S + BARRIER_PER_THREAD_S * threads;
    }

    /**
     * Share of the profile's peak (int8 dot-product MACs per cycle for integer formats, fp16 for
     * float) that a llama.cpp / XNNPACK kernel reaches per core. Assumed from the instruction mix
     * of the NEON kernels (not in the references):
     * <ul>
     *   <li>INT GEMV with dot product: per 32-weight block one 16-byte load, mask and shift, offset,
     *       two SDOT and a float scale-accumulate, about 10 instructions for 32 MACs: 0.4 of the
     *       SDOT peak. Without dot product the int8 products widen (SMULL/SMLAL: 8 MACs an instruction
     *       against SDOT's 16): half of that.</li>
     *   <li>GEMM reuses each dequantised block across tokens: 0.5 of peak with SDOT; with i8mm,
     *       SMMLA multiplies 2x8 by 8x2 (32 MACs per instruction, twice SDOT): 0.8.</li>
     *   <li>KQUANT: unpacking 6-bit scales and split bit planes costs about twice the instructions per
     *       weight: half the INT share.</li>
     *   <li>FLOAT: fp16 FMA on every lane, GEMV 0.5 of the fp16 peak (loads), GEMM 0.7.</li>
     * </ul>
     */
    public static double kernelShare(Family family, boolean gemm, boolean dotprod, boolean i8mm) {
        if (family == Family.FLOAT) return gemm ? 0.7 : 0.5;
        double share = gemm ? (i8mm ? 0.8 : 0.5) : 0.4;
        if (!dotprod) share /= 2;
        return family == Family.KQUANT ? share / 2 : share;
    }

    /** The family of a weight or compute format name. */
    public static Family family(String format) {
        if (format.equals("fp16") || format.equals("fp32") || format.equals("bf16")) return Family.FLOAT;
        if (format.contains("_k") || format.startsWith("iq")) return Family.KQUANT;
        return Family.INT;
    }

    /** Seconds of a matrix product: fork/join plus the larger of streaming its weights and its MACs. */
    public double matMulSeconds(long weightBytes, long macs, String weightFormat, boolean gemm) {
        return forkJoinSeconds + Math.max(weightBytes / bandwidth, macs / (threads * coreRate(weightFormat, gemm)));
    }

    /** Seconds of an element-wise node of {@code ops} operations over {@code rows} independent rows. */
    public double elementSeconds(long ops, long rows) {
        return forkJoinSeconds + ops / (Math.min(threads, Math.max(1, rows)) * elementRate);
    }

    /** MACs/s of one core multiplying {@code family} weights, one token (GEMV) or many (the family's best GEMM). */
    public double coreRate(Family family, boolean gemm) {
        return coreRate[family.ordinal()][gemm ? GEMM : GEMV];
    }

    /**
     * MACs/s of one core multiplying {@code weightFormat} weights (a type, or a mix by its main
     * type's family): GEMV, or GEMM without i8mm for the types that have no two-row SMMLA kernel.
     */
    public double coreRate(String weightFormat, boolean gemm) {
        int column = !gemm ? GEMV : hasTwoRowI8mmKernel(weightFormat) ? GEMM : GEMM_DOT;
        return coreRate[family(weightFormat).ordinal()][column];
    }

    /** This model with another achievable bandwidth (the replay's calibration). */
    public CpuCompute withBandwidth(double bytesPerSecond) {
        return new CpuCompute(label, threads, bytesPerSecond, coreRate, elementRate, forkJoinSeconds, profile);
    }

    public int threads() { return threads; }
    public double bandwidth() { return bandwidth; }
    public double elementRate() { return elementRate; }
    public double forkJoinSeconds() { return forkJoinSeconds; }

    @Override
    public String label() {
        return label;
    }

    /** The CPU: all threads at the format family's GEMV (decode) or GEMM (prefill) rate; other units: the profile's. */
    @Override
    public double macsPerSecond(Requester unit, String format, Stage stage) {
        if (unit != Requester.CPU) return profile().macsPerSecond(unit, format, stage);
        if (profile != null) profile.macsPerSecond(unit, format, stage);   // the profile must know the format
        return threads * coreRate(family(format), stage == Stage.PREFILL);
    }

    /**
     * The CPU: the multiply's family from the compute format (integer or float lanes), except that
     * k-quant and i-quant weights take the {@link Family#KQUANT} rate whatever integer lanes they are
     * multiplied in (unpacking their super-blocks is the kernel's extra work, as in
     * {@link #matMulSeconds}), and a prefill of a type without a two-row SMMLA kernel runs at the
     * dot-product GEMM rate.
     */
    @Override
    public double macsPerSecond(Requester unit, String computeFormat, String weightFormat, Stage stage) {
        double rate = macsPerSecond(unit, computeFormat, stage);
        if (unit != Requester.CPU || family(computeFormat) == Family.FLOAT) return rate;
        boolean gemm = stage == Stage.PREFILL;
        if (family(weightFormat) == Family.KQUANT) return threads * coreRate(weightFormat, gemm);
        return gemm && !hasTwoRowI8mmKernel(weightFormat) ? threads * coreRate(weightFormat, true) : rate;
    }

    @Override
    public double pjPerMac(Requester unit, String format) {
        return profile().pjPerMac(unit, format);
    }

    @Override
    public NpuSpec npu(String format) {
        return profile().npu(format);
    }

    private ComputeModel profile() {
        if (profile == null) throw new IllegalStateException("this CPU model was built without a profile (a replay's own device)");
        return profile;
    }

    @Override
    public double dramBytesPerSecond(Requester unit, double profileBytesPerSecond) {
        return unit == Requester.CPU ? bandwidth : profileBytesPerSecond;
    }

    @Override
    public double nodeSeconds(Requester unit, long nodes, long elementOps, long rowsPerNode) {
        if (unit != Requester.CPU || nodes == 0) return 0;
        return nodes * forkJoinSeconds + elementOps / (Math.min(threads, Math.max(1, rowsPerNode)) * elementRate);
    }
}

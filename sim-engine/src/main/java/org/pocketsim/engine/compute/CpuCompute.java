package org.pocketsim.engine.compute;

import org.pocketsim.engine.component.Stage;
import org.pocketsim.hw.spec.CpuSpec;
import org.pocketsim.hw.spec.NpuSpec;
import org.pocketsim.hw.spec.Requester;
import org.pocketsim.hw.spec.SocSpec;
import org.pocketsim.kernel.format.BlockFormat;
import org.pocketsim.kernel.format.FormatRegistry;
import org.pocketsim.kernel.format.NumberFormat;

import java.util.Set;

/**
 * A CPU running quantised LLM kernels the way llama.cpp and XNNPACK do, node after node on
 * {@code threads} threads:
 * <pre>
 *   matrix product  t = barriers x forkJoin + max(weightBytes / bandwidth(threads), MACs / (threads x rate(format, GEMV|GEMM)))
 *   element-wise    t = forkJoin + elementOps / (min(threads, rows) x elementRate)
 * </pre>
 * {@code bandwidth(threads) = min(threads x coreBandwidth, cpu.memoryBandwidth)}: one core's
 * outstanding misses bound what it streams. Kernel rates per core are the profile's peak int8
 * (or fp16) MACs per cycle, at the mean clock of the threads' cores ({@link CpuSpec#meanClockHz}),
 * times the share the run's kernel library reaches with the SIMD features the cores have
 * ({@link KernelLibrary#share}); decode multiplies one token (GEMV), prefill many (GEMM, at the
 * i8mm rate for the weight types whose kernel has a two-row SMMLA path,
 * {@link #hasTwoRowI8mmKernel}, else at the dot-product rate). The same numbers time the kernel replay's nodes
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
    private final KernelLibrary kernels;
    /** The profile's tables for prices and for any unit other than the CPU; null for a bare model (the replay's). */
    private final ComputeModel profile;

    /**
     * @param label           what the report says
     * @param threads         threads running every node
     * @param bandwidth       achievable DRAM bandwidth of those threads, bytes/s
     * @param coreRate        MACs/s per core, indexed [family ordinal][{@link #GEMV}, {@link #GEMM}, {@link #GEMM_DOT}]
     * @param elementRate     element operations/s per core
     * @param forkJoinSeconds fixed cost of every barrier (one per node, more per matrix product under some kernels)
     * @param kernels         whose kernels: how often a matrix product synchronises the threads
     * @param profile         prices and other units' rates (the profile's tables), or null
     */
    public CpuCompute(String label, int threads, double bandwidth, double[][] coreRate, double elementRate, double forkJoinSeconds,
                      KernelLibrary kernels, ComputeModel profile) {
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
        this.kernels = kernels;
        this.profile = profile;
    }

    /**
     * The CPU of {@code soc} on {@code threads} threads (at most its inference cores) running
     * {@code kernels}, from the clocks of its fastest {@code threads} cores, peak MACs per cycle,
     * SIMD features, per-core bandwidth and fork/join cost.
     */
    public static CpuCompute of(SocSpec soc, int threads, KernelLibrary kernels) {
        CpuSpec cpu = soc.cpu();
        int used = Math.max(1, Math.min(threads, cpu.cores()));
        double clock = cpu.meanClockHz(used);
        double core = cpu.coreBandwidth() != null ? cpu.coreBandwidth().bytesPerSecond() : DEFAULT_CORE_BANDWIDTH;
        double bw = Math.min(used * core, cpu.memoryBandwidth().bytesPerSecond());
        double[][] rate = rates(cpu.macsPerCycle("int8") * clock, cpu.macsPerCycle("fp16") * clock, cpu.has("dotprod"), cpu.has("i8mm"),
                kernels);
        double forkJoin = cpu.forkJoin() != null
                ? cpu.forkJoin().seconds() * barrier(used) / barrier(cpu.cores())
                : barrier(used);
        return new CpuCompute("CPU model of " + soc.name() + ", " + used + " threads, " + kernels.id() + " kernels", used, bw, rate,
                ELEMENT_OPS_PER_CYCLE * clock, forkJoin, kernels, new PresetCompute(soc));
    }

    /** The rate table of cores with these int8 and fp16 peaks (MACs/s per core) and SIMD features, running {@code kernels}. */
    public static double[][] rates(double int8Peak, double fp16Peak, boolean dotprod, boolean i8mm, KernelLibrary kernels) {
        double[][] rate = new double[Family.values().length][3];
        for (Family f : Family.values()) {
            double peak = f == Family.FLOAT ? fp16Peak : int8Peak;
            for (int column : new int[] {GEMV, GEMM, GEMM_DOT}) {
                rate[f.ordinal()][column] = peak * kernels.share(f, column, dotprod, i8mm);
            }
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

    /** The family of a weight or compute format name. */
    public static Family family(String format) {
        if (format.equals("fp16") || format.equals("fp32") || format.equals("bf16")) return Family.FLOAT;
        if (format.contains("_k") || format.startsWith("iq")) return Family.KQUANT;
        return Family.INT;
    }

    /** Seconds of a matrix product: its barriers plus the larger of streaming its weights and its MACs. */
    public double matMulSeconds(long weightBytes, long macs, String weightFormat, boolean gemm) {
        return matMulFixedSeconds() + Math.max(weightBytes / bandwidth, macs / (threads * coreRate(weightFormat, gemm)));
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
     * type's family): GEMV, or GEMM without i8mm for the types that have no two-row SMMLA kernel;
     * integer weights in small scale groups keep the kernel library's share of the best GEMM
     * ({@link KernelLibrary#groupedGemmFactor}).
     */
    public double coreRate(String weightFormat, boolean gemm) {
        int column = !gemm ? GEMV : hasTwoRowI8mmKernel(weightFormat) ? GEMM : GEMM_DOT;
        Family family = family(weightFormat);
        double rate = coreRate[family.ordinal()][column];
        return column == GEMM && family == Family.INT ? rate * kernels.groupedGemmFactor(scaleGroup(weightFormat)) : rate;
    }

    /** Weights per scale of a registered block format ({@code int4-g32}: 32, {@code q4_0}: 32); 0 for per-channel formats and mixes. */
    static int scaleGroup(String weightFormat) {
        NumberFormat format;
        try {
            format = FormatRegistry.get(weightFormat);
        } catch (IllegalArgumentException notAType) { // a mix (q4_k_m): its types are not integer groups
            return 0;
        }
        return format instanceof BlockFormat block ? block.blockSize() : 0;
    }

    /** This model with another achievable bandwidth (the replay's calibration). */
    public CpuCompute withBandwidth(double bytesPerSecond) {
        return new CpuCompute(label, threads, bytesPerSecond, coreRate, elementRate, forkJoinSeconds, kernels, profile);
    }

    public int threads() { return threads; }
    public double bandwidth() { return bandwidth; }
    public double elementRate() { return elementRate; }
    public double forkJoinSeconds() { return forkJoinSeconds; }
    /** The fixed part of {@link #matMulSeconds}: its barriers. */
    public double matMulFixedSeconds() { return kernels.barriersPerMatrixProduct() * forkJoinSeconds; }

    @Override
    public String label() {
        return label;
    }

    /**
     * The CPU: all threads at the format family's GEMV (decode) or GEMM (prefill) rate; the float
     * family's rates are fp16's, so a float format runs at the profile's peak for it over its fp16
     * peak of them (fp32: half on every profile, 4 lanes of a 128-bit register against 8); other
     * units: the profile's.
     */
    @Override
    public double macsPerSecond(Requester unit, String format, Stage stage) {
        if (unit != Requester.CPU) return profile().macsPerSecond(unit, format, stage);
        double rate = threads * coreRate(family(format), stage == Stage.PREFILL);
        if (profile == null) return rate;
        double peak = profile.macsPerSecond(unit, format, stage);   // the profile must know the format
        return family(format) == Family.FLOAT ? rate * peak / profile.macsPerSecond(unit, "fp16", stage) : rate;
    }

    /**
     * The CPU: the multiply's family from the compute format (integer or float lanes), except that
     * k-quant and i-quant weights take the {@link Family#KQUANT} rate whatever integer lanes they are
     * multiplied in (unpacking their super-blocks is the kernel's extra work, as in
     * {@link #matMulSeconds}), a prefill of a type without a two-row SMMLA kernel runs at the
     * dot-product GEMM rate, and integer weights in small scale groups at their share of the GEMM rate
     * ({@link #coreRate(String, boolean)}).
     */
    @Override
    public double macsPerSecond(Requester unit, String computeFormat, String weightFormat, Stage stage) {
        double rate = macsPerSecond(unit, computeFormat, stage);
        if (unit != Requester.CPU || family(computeFormat) == Family.FLOAT || family(weightFormat) == Family.FLOAT) return rate;
        return threads * coreRate(weightFormat, stage == Stage.PREFILL);
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
    public double nodeSeconds(Requester unit, long nodes, long matrixProducts, long elementOps, long rowsPerNode) {
        if (unit != Requester.CPU || nodes == 0) return 0;
        long barriers = nodes + (kernels.barriersPerMatrixProduct() - 1L) * matrixProducts;
        return barriers * forkJoinSeconds + elementOps / (Math.min(threads, Math.max(1, rowsPerNode)) * elementRate);
    }
}

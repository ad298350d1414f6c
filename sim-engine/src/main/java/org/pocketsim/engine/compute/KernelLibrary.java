package org.pocketsim.engine.compute;

import org.pocketsim.engine.compute.CpuCompute.Family;
import org.pocketsim.hw.config.FieldException;
import org.pocketsim.hw.config.Suggest;

import java.util.Arrays;
import java.util.List;

/**
 * Whose CPU kernels multiply the weights: the share of a core's peak (int8 dot-product MACs per
 * cycle for integer weights, fp16 for float) that they reach, per weight family and pass
 * ({@link CpuCompute#GEMV}, {@link CpuCompute#GEMM} at the best kernel the cores have,
 * {@link CpuCompute#GEMM_DOT} without the two-row i8mm path). Chosen per run
 * ({@code compute: {kind: cpu, kernels: ggml}}) because two engines on the same cores differ by
 * several times in prefill: llama.cpp's ggml multiplies a batch as dot products of one (or two)
 * weight rows with one (or two) activation columns, dequantising every block again for every
 * column pair, where XNNPACK and KleidiAI pack the weights into GEMM micro-kernel tiles.
 */
public enum KernelLibrary {

    /**
     * llama.cpp's ggml (the default: the kernel replay and the llama.cpp rows). GEMM shares measured:
     * mainline llama.cpp (build 69a480a, 3660) on an M2 Max CPU, LLaMA-3.1-8B, PP-512 on 8 threads:
     * q4_1 35.18 t/s (two-row SMMLA path), q5_0 26.69 t/s (dot product, one row), as quoted by
     * ikawrakow/ik_llama.cpp PR #37 (2024-09-03, column "llama.cpp"). At 6,979,321,856 linear MACs
     * per token (32 layers x 218,103,808; the output matrix runs for the last token only) on eight
     * cores at an assumed 3.5 GHz (Apple publishes no clocks) with an assumed peak of 64 int8 MACs
     * per cycle (four 128-bit SDOT pipes, as on Oryon) that is 8.77 and 6.65 MACs per cycle and core:
     * 0.137 and 0.104 of peak. GEMV (decode) keeps the instruction-mix estimate of XNNPACK below
     * (decode is bandwidth-bound on every profile; no single-token kernel measurement is referenced).
     * k-quants and i-quants: half the integer share, as below (assumed; no mainline Arm measurement
     * of them is referenced). Float: as XNNPACK (assumed). A matrix product synchronises the
     * threads twice: after the node, as every node, and inside, after the threads quantise the
     * activations ({@code ggml_compute_forward_mul_mat}, ggml/src/ggml-cpu/ggml-cpu.c as shipped in
     * eziyoo/LLMs-on-Devices@0d0e9706:android-app, the E1 measurements' build).
     */
    GGML("ggml", measuredGemmShare(35.18), measuredGemmShare(26.69), 2),

    /**
     * XNNPACK / KleidiAI (ExecuTorch, LiteRT-LM). GEMM with i8mm measured: XNNPACK's 4x16 i8mm
     * microkernel for 8-bit dynamic activations and 4-bit blockwise weights on a Galaxy S25
     * (Snapdragon 8 Elite), M/N/K 128/11008/4096, one thread: 510.4 GOPS with 256-weight blocks,
     * 351.9 GOPS with 32-weight blocks (google/XNNPACK PR #10631, 2026-07-01, bf16 output: "the
     * same as qd8-qb4w-f32 with an output cast"). On a prime core at the profile's 4.32 GHz (the PR
     * names no core: assumed) against 64 int8 MACs per cycle that is 0.923 and 0.636 of peak.
     * Per-channel weights take the 256-block share (XNNPACK PR #6664: "the large blocks setup
     * keeps up with QC4W"); smaller groups pay a cost per group, {@link #groupedGemmFactor}.
     * Without i8mm: assumed from the instruction mix of the NEON kernels (GEMM reuses each
     * dequantised block across tokens), 0.5 of the SDOT peak. One fork/join per operator (a
     * pthreadpool parallel loop).
     */
    XNNPACK("xnnpack", xnnpackShare(KernelLibrary.XNNPACK_GOPS_BL256), 0.5, 1);

    /** XNNPACK PR #10631's S25 figures (GOPS, two operations a MAC) and the 8 Elite prime core's peak (MACs/s) they are shares of. */
    static final double XNNPACK_GOPS_BL32 = 351.9, XNNPACK_GOPS_BL256 = 510.4, S25_PRIME_PEAK_MACS_PER_S = 4.32e9 * 64;

    /** Linear MACs per token of LLaMA-3.1-8B: 32 layers x (2 x 4096^2 + 2 x 4096 x 1024 + 3 x 4096 x 14336). */
    static final double LLAMA31_8B_LINEAR_MACS = 6_979_321_856d;
    /** The measurement's cores: 8 threads at an assumed 3.5 GHz and an assumed 64 int8 MACs per cycle. */
    static final double M2_MAX_PEAK_MACS_PER_S = 8 * 3.5e9 * 64;

    private final String id;
    private final double gemmI8mm;
    private final double gemmDot;
    private final int barriersPerMatrixProduct;

    KernelLibrary(String id, double gemmI8mm, double gemmDot, int barriersPerMatrixProduct) {
        this.id = id;
        this.gemmI8mm = gemmI8mm;
        this.gemmDot = gemmDot;
        this.barriersPerMatrixProduct = barriersPerMatrixProduct;
    }

    private static double measuredGemmShare(double tokensPerSecond) {
        return tokensPerSecond * LLAMA31_8B_LINEAR_MACS / M2_MAX_PEAK_MACS_PER_S;
    }

    private static double xnnpackShare(double gops) {
        return gops * 1e9 / 2 / S25_PRIME_PEAK_MACS_PER_S;
    }

    /**
     * What integer weights with a scale per {@code groupSize} weights (0: per channel) keep of
     * this library's integer GEMM rate with i8mm. XNNPACK: time per MAC {@code a + b / groupSize},
     * the line through its two measured block sizes (32 and 256; per-block scale work grows as
     * blocks shrink), so 32-weight groups keep 0.636 / 0.923 = 0.689 and 128-weight groups 0.939;
     * groups of 256 or more, and per-channel weights, keep all of it. ggml: 1 (its measured shares
     * are of 32-weight blocks, its only integer types).
     */
    public double groupedGemmFactor(int groupSize) {
        if (this != XNNPACK || groupSize <= 0 || groupSize >= 256) return 1;
        double s32 = xnnpackShare(XNNPACK_GOPS_BL32), s256 = xnnpackShare(XNNPACK_GOPS_BL256);
        double b = (1 / s32 - 1 / s256) / (1.0 / 32 - 1.0 / 256), a = 1 / s256 - b / 256;
        return 1 / (a + b / groupSize) / s256;
    }

    /** Times a matrix product waits for all threads. */
    public int barriersPerMatrixProduct() {
        return barriersPerMatrixProduct;
    }

    /** The name a config gives. */
    public String id() {
        return id;
    }

    /**
     * Share of peak for {@code family} weights in {@code column}:
     * <ul>
     *   <li>integer GEMV with dot product: per 32-weight block one 16-byte load, mask and shift,
     *       offset, two SDOT and a float scale-accumulate, about 10 instructions for 32 MACs: 0.4
     *       of the SDOT peak (assumed, both libraries);</li>
     *   <li>integer GEMM: the library's share with i8mm, else its dot-product share;</li>
     *   <li>without dot product the int8 products widen (SMULL/SMLAL: 8 MACs an instruction
     *       against SDOT's 16): half (assumed);</li>
     *   <li>KQUANT: unpacking 6-bit scales and split bit planes costs about twice the instructions
     *       per weight: half the integer share (assumed);</li>
     *   <li>FLOAT: fp16 FMA on every lane, GEMV 0.5 of the fp16 peak (loads), GEMM 0.7 (assumed).</li>
     * </ul>
     */
    public double share(Family family, int column, boolean dotprod, boolean i8mm) {
        if (family == Family.FLOAT) return column == CpuCompute.GEMV ? 0.5 : 0.7;
        double share = column == CpuCompute.GEMV ? 0.4
                : column == CpuCompute.GEMM && i8mm ? gemmI8mm : gemmDot;
        if (!dotprod) share /= 2;
        return family == Family.KQUANT ? share / 2 : share;
    }

    /** The library a config names; null is {@link #GGML}. */
    public static KernelLibrary named(String id) {
        if (id == null) return GGML;
        for (KernelLibrary k : values()) {
            if (k.id.equals(id)) return k;
        }
        List<String> ids = Arrays.stream(values()).map(KernelLibrary::id).toList();
        throw new FieldException("kernels", "unknown kernel library '" + id + "' (libraries: " + String.join(", ", ids) + ")"
                + Suggest.nearest(id, ids).map(s -> "; did you mean '" + s + "'?").orElse(""));
    }
}

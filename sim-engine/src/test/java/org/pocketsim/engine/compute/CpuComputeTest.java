package org.pocketsim.engine.compute;

import org.junit.jupiter.api.Test;
import org.pocketsim.engine.component.Stage;
import org.pocketsim.engine.decode.Traces;
import org.pocketsim.engine.point.DecodeSpec;
import org.pocketsim.engine.result.Metrics;
import org.pocketsim.engine.run.DecodeRun;
import org.pocketsim.hw.config.ConfigSource;
import org.pocketsim.hw.config.FieldException;
import org.pocketsim.hw.config.YamlConfig;
import org.pocketsim.hw.preset.ProfileCatalog;
import org.pocketsim.hw.spec.Requester;
import org.pocketsim.hw.spec.SocSpec;
import org.pocketsim.workload.model.ModelCatalog;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** The CPU model's numbers from the Snapdragon 8 Gen 3 profile, by hand, and what it adds to a decode run. */
class CpuComputeTest {

    static final SocSpec GEN3 = ProfileCatalog.load("snapdragon-8-gen3");
    /** Mean clock of the 8 Gen 3's four fastest cores (1x X4 @3.3 + 3x A720 @3.2 GHz). */
    static final double C4 = (3.3e9 + 3 * 3.2e9) / 4;
    /** And of all eight (+ 2x A720 @3.0 + 2x A520 @2.3). */
    static final double C8 = (3.3e9 + 3 * 3.2e9 + 2 * 3.0e9 + 2 * 2.3e9) / 8;

    @Test
    void threadsRunAtTheMeanClockOfTheFastestCoresTheTopologyPublishes() {
        assertThat(GEN3.cpu().meanClockHz(1)).isCloseTo(3.3e9, within(1.0));
        assertThat(GEN3.cpu().meanClockHz(4)).isCloseTo(C4, within(1.0));
        assertThat(GEN3.cpu().meanClockHz(8)).isCloseTo(2.9375e9, within(1.0));
        assertThat(ProfileCatalog.load("snapdragon-8-elite").cpu().meanClockHz(8)).isCloseTo((2 * 4.32e9 + 6 * 3.53e9) / 8, within(1.0));
        // a topology without clocks keeps the profile's clock
        var noClocks = new org.pocketsim.hw.spec.CpuSpec("8P + 2E", 10, org.pocketsim.hw.unit.Frequency.parse("4 GHz"),
                org.pocketsim.hw.unit.Bandwidth.parse("100 GB/s"), java.util.Map.of("int8", 32.0));
        assertThat(noClocks.meanClockHz(4)).isEqualTo(4e9);
    }

    @Test
    void ratesBandwidthAndForkJoinFollowTheProfileFacts() {
        CpuCompute cpu = CpuCompute.of(GEN3, 4, KernelLibrary.XNNPACK);
        // min(4 x 15 GB/s, 43.9 GB/s); two threads stream 30 GB/s
        assertThat(cpu.bandwidth()).isEqualTo(43.9e9);
        assertThat(CpuCompute.of(GEN3, 2, KernelLibrary.XNNPACK).bandwidth()).isEqualTo(30e9);
        // int8 peak 32 MACs/cycle at the four cores' mean clock: GEMV 0.4 of it, GEMM with i8mm 0.923 (XNNPACK measured), k-quants half,
        // fp16 (16/cycle) GEMV 0.5
        assertThat(cpu.coreRate(CpuCompute.Family.INT, false)).isCloseTo(32 * C4 * 0.4, within(1.0));
        assertThat(cpu.coreRate(CpuCompute.Family.INT, true)).isCloseTo(32 * C4 * XNNPACK_I8MM, within(1.0));
        assertThat(cpu.coreRate(CpuCompute.Family.KQUANT, false)).isCloseTo(32 * C4 * 0.2, within(1.0));
        assertThat(cpu.coreRate(CpuCompute.Family.FLOAT, false)).isCloseTo(16 * C4 * 0.5, within(1.0));
        assertThat(cpu.macsPerSecond(Requester.CPU, "int8", Stage.DECODE)).isCloseTo(4 * 32 * C4 * 0.4, within(1.0));
        // the profile's 6 us at 8 cores, scaled by ggml's barrier line to 4 threads: 6 x 1.96 / 3.04
        assertThat(cpu.forkJoinSeconds()).isCloseTo(6e-6 * 1.96 / 3.04, within(1e-15));
        // a 4096x4096 q4_0 GEMV: 9,437,184 bytes streamed at 43.9 GB/s beat 16.8M MACs at 4 x 41.28 GMAC/s
        assertThat(cpu.matMulSeconds(9_437_184, 16_777_216, "q4_0", false))
                .isCloseTo(6e-6 * 1.96 / 3.04 + 9_437_184 / 43.9e9, within(1e-15));
        // the NPU and every price stay the profile's
        PresetCompute preset = new PresetCompute(GEN3);
        assertThat(cpu.macsPerSecond(Requester.NPU, "int8", Stage.PREFILL)).isEqualTo(preset.macsPerSecond(Requester.NPU, "int8", Stage.PREFILL));
        assertThat(cpu.pjPerMac(Requester.CPU, "int8")).isEqualTo(preset.pjPerMac(Requester.CPU, "int8"));
    }

    /** XNNPACK's i8mm GEMM share of a 64-MAC peak: 510.4 GOPS (256-weight blocks) on an 8 Elite prime core at 4.32 GHz (PR #10631). */
    static final double XNNPACK_I8MM = 510.4e9 / 2 / (4.32e9 * 64);

    @Test
    void xnnpackGemmOfSmallScaleGroupsFollowsTheLineThroughItsTwoMeasuredBlockSizes() {
        assertThat(XNNPACK_I8MM).isCloseTo(0.9230, within(1e-4));
        // 351.9 GOPS with 32-weight blocks: 0.6364 of peak, 0.6364 / 0.9230 = 0.6895 of the 256-block share
        assertThat(KernelLibrary.XNNPACK.groupedGemmFactor(32)).isCloseTo(351.9 / 510.4, within(1e-12));
        // time per MAC a + b / G through (32, 1/0.6364) and (256, 1/0.9230): b = 17.8458, a = 1.01368; G = 128: 0.9395
        double b = (2 * 4.32e9 * 64 / 351.9e9 - 2 * 4.32e9 * 64 / 510.4e9) / (1.0 / 32 - 1.0 / 256);
        double a = 2 * 4.32e9 * 64 / 510.4e9 - b / 256;
        assertThat(b).isCloseTo(17.8458, within(1e-4));
        assertThat(KernelLibrary.XNNPACK.groupedGemmFactor(128)).isCloseTo(1 / (a + b / 128) / XNNPACK_I8MM, within(1e-12))
                .isCloseTo(0.9395, within(1e-4));
        // 256-weight groups and per-channel weights keep all of it; ggml's shares are of 32-weight blocks already
        assertThat(KernelLibrary.XNNPACK.groupedGemmFactor(256)).isEqualTo(1);
        assertThat(KernelLibrary.XNNPACK.groupedGemmFactor(0)).isEqualTo(1);
        assertThat(KernelLibrary.GGML.groupedGemmFactor(32)).isEqualTo(1);
        // on the cores: int4-g32 and q4_0 (32 per scale) at that share of the GEMM, int4 and int8 (per channel) at all of it,
        // GEMV unchanged
        CpuCompute cpu = CpuCompute.of(GEN3, 4, KernelLibrary.XNNPACK);
        assertThat(cpu.macsPerSecond(Requester.CPU, "int8", "int4-g32", Stage.PREFILL)).isCloseTo(4 * 32 * C4 * 351.9e9 / 2 / (4.32e9 * 64),
                within(1.0));
        assertThat(cpu.coreRate("q4_0", true)).isCloseTo(32 * C4 * 351.9e9 / 2 / (4.32e9 * 64), within(1.0));
        assertThat(cpu.macsPerSecond(Requester.CPU, "int8", "int4", Stage.PREFILL)).isCloseTo(4 * 32 * C4 * XNNPACK_I8MM, within(1.0));
        assertThat(cpu.macsPerSecond(Requester.CPU, "int8", "int8", Stage.PREFILL)).isCloseTo(4 * 32 * C4 * XNNPACK_I8MM, within(1.0));
        assertThat(cpu.macsPerSecond(Requester.CPU, "int8", "int4-g32", Stage.DECODE)).isCloseTo(4 * 32 * C4 * 0.4, within(1.0));
        assertThat(CpuCompute.scaleGroup("int4-g128")).isEqualTo(128);
        assertThat(CpuCompute.scaleGroup("q4_k_m")).isZero();
    }

    /** ggml's GEMM shares of a 64-MAC peak: PP-512 of LLaMA-3.1-8B (6,979,321,856 MACs a token) on 8 M2 Max cores at 3.5 GHz. */
    static final double GGML_I8MM = 35.18 * 6_979_321_856d / (8 * 3.5e9 * 64);
    static final double GGML_DOT = 26.69 * 6_979_321_856d / (8 * 3.5e9 * 64);

    @Test
    void ggmlSharesComeFromTheMeasuredPromptRatesAndXnnpackKeepsItsOwn() {
        assertThat(GGML_I8MM).isCloseTo(0.1370, within(1e-4));
        assertThat(GGML_DOT).isCloseTo(0.1040, within(1e-4));
        assertThat(KernelLibrary.GGML.share(CpuCompute.Family.INT, CpuCompute.GEMM, true, true)).isEqualTo(GGML_I8MM);
        assertThat(KernelLibrary.GGML.share(CpuCompute.Family.INT, CpuCompute.GEMM_DOT, true, true)).isEqualTo(GGML_DOT);
        assertThat(KernelLibrary.GGML.share(CpuCompute.Family.INT, CpuCompute.GEMM, true, false)).isEqualTo(GGML_DOT);
        assertThat(KernelLibrary.GGML.share(CpuCompute.Family.KQUANT, CpuCompute.GEMM, false, false)).isEqualTo(GGML_DOT / 4);
        assertThat(KernelLibrary.GGML.share(CpuCompute.Family.INT, CpuCompute.GEMV, true, true)).isEqualTo(0.4);
        assertThat(KernelLibrary.XNNPACK.share(CpuCompute.Family.INT, CpuCompute.GEMM, true, true)).isEqualTo(XNNPACK_I8MM);
        assertThat(KernelLibrary.XNNPACK.share(CpuCompute.Family.FLOAT, CpuCompute.GEMM, true, true)).isEqualTo(0.7);
        assertThat(KernelLibrary.GGML.barriersPerMatrixProduct()).isEqualTo(2);
        assertThat(KernelLibrary.XNNPACK.barriersPerMatrixProduct()).isEqualTo(1);
        assertThat(KernelLibrary.named(null)).isEqualTo(KernelLibrary.GGML);
        assertThatThrownBy(() -> KernelLibrary.named("xnnpak")).isInstanceOf(FieldException.class)
                .hasMessageContaining("unknown kernel library 'xnnpak' (libraries: ggml, xnnpack); did you mean 'xnnpack'?");
    }

    @Test
    void kQuantAndIQuantWeightsTakeTheKQuantRateWhateverTheyAreMultipliedIn() {
        CpuCompute cpu = CpuCompute.of(GEN3, 4, KernelLibrary.GGML);
        // q4_k_m / iq4_xs weights with int8 activations (llama.cpp's q8_K): 4 cores at half ggml's two-row i8mm GEMM share
        assertThat(cpu.macsPerSecond(Requester.CPU, "int8", "q4_k_m", Stage.PREFILL)).isCloseTo(4 * 32 * C4 * GGML_I8MM / 2, within(1.0));
        assertThat(cpu.macsPerSecond(Requester.CPU, "int8", "iq4_xs", Stage.DECODE)).isCloseTo(4 * 32 * C4 * 0.2, within(1.0));
        // iq4_xs and q5_0 have no two-row SMMLA kernel: their prefill takes the dot-product GEMM share (halved for k/i-quants)
        assertThat(cpu.macsPerSecond(Requester.CPU, "int8", "iq4_xs", Stage.PREFILL)).isCloseTo(4 * 32 * C4 * GGML_DOT / 2, within(1.0));
        assertThat(cpu.macsPerSecond(Requester.CPU, "int8", "q5_0", Stage.PREFILL)).isCloseTo(4 * 32 * C4 * GGML_DOT, within(1.0));
        assertThat(cpu.macsPerSecond(Requester.CPU, "int8", "q8_0", Stage.PREFILL)).isCloseTo(4 * 32 * C4 * GGML_I8MM, within(1.0));
        // integer group formats keep the INT rate; float multiplies the FLOAT rate; other units the profile's
        assertThat(cpu.macsPerSecond(Requester.CPU, "int8", "int4-g32", Stage.PREFILL)).isCloseTo(4 * 32 * C4 * GGML_I8MM, within(1.0));
        assertThat(cpu.macsPerSecond(Requester.CPU, "fp16", "q4_k_m", Stage.PREFILL)).isCloseTo(4 * 16 * C4 * 0.7, within(1.0));
        assertThat(cpu.macsPerSecond(Requester.NPU, "int8", "q4_k_m", Stage.PREFILL))
                .isEqualTo(new PresetCompute(GEN3).macsPerSecond(Requester.NPU, "int8", Stage.PREFILL));
        // the preset tables do not look at the weights
        assertThat(new PresetCompute(GEN3).macsPerSecond(Requester.CPU, "int8", "q4_k_m", Stage.PREFILL))
                .isEqualTo(new PresetCompute(GEN3).macsPerSecond(Requester.CPU, "int8", Stage.PREFILL));
    }

    @Test
    void prefillOnTheCpuModelIsItsGemmRateNotThePresetPeak() {
        String base = "soc: snapdragon-8-gen3, model: llama2-7b, computeFormat: int8, prompt: 512, prefillChunk: 512,"
                + " generate: 1, executor: {decode: cpu, prefill: cpu}, compute: {kind: cpu, threads: 8}";
        DecodeRun q4 = decodeRun("{" + base + ", weights: int4-g128}");
        DecodeRun q4k = decodeRun("{" + base + ", weights: q4_k_m}");
        // Llama-2-7B's matrices: 32 x (4 x 4096^2 + 3 x 4096 x 11008) + 32,000 x 4,096 MACs a token, for 512 tokens;
        // causal attention: 512 x 513 / 2 cached-token products of 32 layers x 4,096 (QK and AV) x 2
        double matrices = 512 * (32 * (4 * 4096.0 * 4096 + 3 * 4096.0 * 11008) + 32_000 * 4_096.0);
        double attention = 512 * 513 / 2.0 * 32 * 4096 * 2;
        assertThat(q4.prefillMacs()).isEqualTo(matrices + attention);
        assertThat(q4k.prefillMacs()).isEqualTo(q4.prefillMacs());
        // one 512-token chunk, compute-bound: the matrices at 8 x ggml's two-row share (int4-g128) and half of it
        // (q4_k_m) of the 32 int8 MACs/cycle at the eight cores' mean clock; attention and node work are the same
        assertThat(q4k.ttftSeconds() - q4.ttftSeconds()).isCloseTo(matrices / (8 * 32 * C8 * GGML_I8MM), within(1e-9));
        // the scores multiply the F16 cache in fp16, not in the int8 compute format; an fp32 cache takes twice as long
        // (the profile's 8 fp32 against 16 fp16 MACs a cycle)
        double fp16 = 8 * CpuCompute.of(GEN3, 8, KernelLibrary.GGML).coreRate(CpuCompute.Family.FLOAT, true);
        DecodeRun fp32 = decodeRun("{" + base + ", weights: int4-g128, kv: fp32}");
        assertThat(fp32.ttftSeconds() - q4.ttftSeconds()).isCloseTo(attention / (fp16 / 2) - attention / fp16, within(1e-9));
        // prefillLogits: last (llama.cpp) multiplies the LM head for the last prompt token only:
        // 511 x Llama-2-7B's 32,000 x 4,096 output matrix fewer; none (LiteRT) multiplies and reads it for none
        DecodeRun last = decodeRun("{" + base + ", weights: int4-g128, prefillLogits: last}");
        assertThat(q4.prefillMacs() - last.prefillMacs()).isEqualTo(511.0 * 32_000 * 4_096);
        DecodeRun none = decodeRun("{" + base + ", weights: int4-g128, prefillLogits: none}");
        assertThat(q4.prefillMacs() - none.prefillMacs()).isEqualTo(512.0 * 32_000 * 4_096);
        // its 131,072,000 weights at int4-g128's 4 bits and an fp16 scale per 128: 67,584,000 bytes
        assertThat(q4.prefillWeightBytes() - none.prefillWeightBytes()).isEqualTo(67_584_000L);
    }

    private static DecodeRun decodeRun(String yaml) {
        DecodeSpec spec = YamlConfig.parse(new ConfigSource("test", yaml), DecodeSpec.class);
        return new DecodeRun(GEN3, ModelCatalog.load("llama2-7b"), spec, new Traces(Path.of("."), 1), 1);
    }

    @Test
    void aDecodeTokenAddsTheGraphsForkJoinAndElementWorkToStreaming() {
        String base = "soc: snapdragon-8-gen3, model: llama2-7b, weights: int4-g128, computeFormat: int8, prompt: 0,"
                + " generate: 1, executor: {decode: cpu, prefill: cpu}";
        double preset = run("{" + base + "}");
        double cpu = run("{" + base + ", compute: {kind: cpu, threads: 4}}");
        // both stream at 43.9 GB/s and are bandwidth-bound; the CPU model adds the fork/join of 1,124 nodes and of
        // the second barrier of ggml's 289 matrix products (9 a layer x 32 + the output matrix), and the element-wise
        // operations of a token with no cached position (4,530,176, one row: one thread at the mean clock)
        double nodes = (1124 + 289) * 6e-6 * 1.96 / 3.04 + 4_530_176 / C4;
        assertThat(cpu - preset).isCloseTo(nodes * 1e3, within(1e-9));
    }

    @Test
    void moreThreadsThanCoresAndUnknownSimdFeaturesAreFieldErrors() {
        assertThatThrownBy(() -> new CpuComputeSpec(9, null).bind(GEN3)).isInstanceOf(FieldException.class)
                .hasMessageContaining("threads").hasMessageContaining("8 inference cores");
        assertThatThrownBy(() -> new CpuComputeSpec(4, "ggm")).isInstanceOf(FieldException.class)
                .hasMessageContaining("unknown kernel library 'ggm' (libraries: ggml, xnnpack); did you mean 'ggml'?");
        assertThatThrownBy(() -> new org.pocketsim.hw.spec.CpuSpec("x", 1, org.pocketsim.hw.unit.Frequency.parse("1 GHz"),
                org.pocketsim.hw.unit.Bandwidth.parse("1 GB/s"), java.util.Map.of("int8", 1.0), java.util.List.of("avx"), null, null))
                .isInstanceOf(FieldException.class).hasMessageContaining("unknown SIMD feature 'avx'");
    }

    private static double run(String yaml) {
        DecodeSpec spec = YamlConfig.parse(new ConfigSource("test", yaml), DecodeSpec.class);
        DecodeRun run = new DecodeRun(GEN3, ModelCatalog.load("llama2-7b"), spec, new Traces(Path.of("."), 1), 1);
        return run.run().metrics().get(Metrics.MS_PER_TOKEN);
    }
}

package org.pocketsim.engine.run;

import org.junit.jupiter.api.Test;
import org.pocketsim.engine.decode.DecodeLowering;
import org.pocketsim.engine.decode.Traces;
import org.pocketsim.engine.decode.WeightBits;
import org.pocketsim.engine.decode.WeightPlan;
import org.pocketsim.engine.point.DecodeSpec;
import org.pocketsim.hw.config.ConfigSource;
import org.pocketsim.hw.config.YamlConfig;
import org.pocketsim.hw.preset.ProfileCatalog;
import org.pocketsim.hw.spec.Requester;
import org.pocketsim.workload.model.ModelCatalog;
import org.pocketsim.workload.model.ModelSpec;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** What the prompt multiplies, in which format, and what its MACs cost on the Snapdragon 8 Gen 3's CPU. */
class PromptWorkTest {

    private static final ModelSpec LLAMA_1B = ModelCatalog.load("llama3.2-1b");
    private static final String RUN = "soc: snapdragon-8-gen3, model: llama3.2-1b, weights: int4, computeFormat: int8, prompt: 64,"
            + " generate: 1, executor: {decode: cpu, prefill: cpu}, compute: {kind: cpu, threads: 6, kernels: xnnpack}";

    @Test
    void theCpuMultipliesTheScoresInTheCachesFloatFormatOtherUnitsInTheComputeFormat() {
        Map<String, String> cpu = Map.of("fp16", "fp16", "bf16", "fp16", "fp32", "fp32", "int8", "int8", "q8_0", "int8");
        cpu.forEach((kv, format) -> assertThat(work(RUN + ", kv: " + kv).attentionFormat(Requester.CPU)).as(kv).isEqualTo(format));
        assertThat(work(RUN + ", kv: fp32").attentionFormat(Requester.NPU)).isEqualTo("int8");
        assertThat(work(RUN + ", kv: fp32").attentionFormat(Requester.GPU)).isEqualTo("int8");
    }

    /** A bf16 cache has fp16's width and no profile gives a bf16 rate: its prompt takes as long as an fp16 cache's. */
    @Test
    void aBf16CacheRunsItsPromptAtTheFp16Rate() {
        assertThat(run(RUN + ", kv: bf16").ttftSeconds()).isEqualTo(run(RUN + ", kv: fp16").ttftSeconds());
    }

    /**
     * The prompt's CPU energy on the 8 Gen 3 (no CPU active power, so pJ per MAC): the matrices at int8's 0.5 pJ,
     * the scores over an fp32 cache at fp32's 2.0 pJ.
     */
    @Test
    void eachShareOfThePromptsMacsIsPricedInItsFormat() {
        String whole = RUN + ", kv: fp32, window: {startup: 0 s}";
        PromptWork work = work(whole);
        var m = run(whole).run().metrics();
        double cpuJoules = m.get("powerW.prefill.cpu") * m.get("phaseMs.prefill") / 1e3;
        assertThat(cpuJoules * 1e12).isCloseTo(work.matrixMacs() * 0.5 + work.attentionMacs() * 2.0, within(1e3));
        // Llama-3.2-1B's 64-token causal prompt: 64 x 65 / 2 cached-token products of 16 layers x 32 heads x 64 x 2
        assertThat(work.attentionMacs()).isEqualTo(64 * 65 / 2.0 * 65_536);
    }

    /**
     * A 64-token prompt in two chunks of 32: every weight is read twice, the LM head (Llama-3.2-1B's tied
     * 128,256 x 2,048 matrix, int4: 131,334,144 bytes) twice under all, once under last (only the chunk with
     * the last position multiplies it), never under none.
     */
    @Test
    void theLmHeadIsReadOnlyByChunksWithLogits() {
        String chunked = RUN + ", prefillChunk: 32";
        long all = work(chunked).weightBytes();
        assertThat(all - work(chunked + ", prefillLogits: last").weightBytes()).isEqualTo(131_334_144L);
        assertThat(all - work(chunked + ", prefillLogits: none").weightBytes()).isEqualTo(2 * 131_334_144L);
        // and multiplies it for 64, 1 and 0 positions
        assertThat(work(chunked).matrixMacs() - work(chunked + ", prefillLogits: last").matrixMacs()).isEqualTo(63.0 * 128_256 * 2_048);
        assertThat(work(chunked).matrixMacs() - work(chunked + ", prefillLogits: none").matrixMacs()).isEqualTo(64.0 * 128_256 * 2_048);
    }

    private static DecodeSpec spec(String yaml) {
        return YamlConfig.parse(new ConfigSource("test", "{" + yaml + "}"), DecodeSpec.class);
    }

    private static PromptWork work(String yaml) {
        DecodeSpec spec = spec(yaml);
        WeightPlan plan = WeightPlan.of(spec.weights(), spec.lmHeadWeights(), LLAMA_1B.layers());
        return new PromptWork(spec, new DecodeLowering(LLAMA_1B, plan, WeightBits.of(spec.kv())));
    }

    private static DecodeRun run(String yaml) {
        return new DecodeRun(ProfileCatalog.load("snapdragon-8-gen3"), LLAMA_1B, spec(yaml), new Traces(Path.of("."), 1), 1);
    }
}

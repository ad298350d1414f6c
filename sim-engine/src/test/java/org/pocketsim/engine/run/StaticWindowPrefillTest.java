package org.pocketsim.engine.run;

import org.junit.jupiter.api.Test;
import org.pocketsim.engine.decode.Traces;
import org.pocketsim.engine.point.DecodeSpec;
import org.pocketsim.engine.result.Metrics;
import org.pocketsim.hw.config.ConfigSource;
import org.pocketsim.hw.config.YamlConfig;
import org.pocketsim.hw.preset.ProfileCatalog;
import org.pocketsim.workload.model.ModelCatalog;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Under a static {@code kvWindow} the prompt graph multiplies every prompt token with the whole
 * window (the mask hides the later positions, nothing skips them) and each prompt chunk reads the
 * window's KV cache; without one, attention is causal and the prompt makes its own KV.
 */
class StaticWindowPrefillTest {

    private static final String RUN = "soc: snapdragon-8-elite, model: llama3.2-1b, weights: int4, computeFormat: int16, kv: int8,"
            + " executor: {decode: npu, prefill: npu}, prompt: 128, prefillChunk: 64, generate: 1";

    /** Llama-3.2-1B: 16 layers x 32 heads x head dim 64 x 2 (scores and values) = 65,536 MACs per query and cached token. */
    @Test
    void everyPromptTokenMeetsTheWholeWindow() {
        DecodeRun causal = run(RUN);
        DecodeRun window = run(RUN + ", kvWindow: 4096");
        // 65,536 x (128 x 4096 - 128 x 129 / 2) = 33,818,673,152 MACs more
        assertThat(window.prefillMacs() - causal.prefillMacs()).isEqualTo(33_818_673_152.0);
    }

    /** With compute ignored the prompt is its reads: each of the two chunks reads 4096 x 16 layers x 2 x 8 KV heads x 64 int8 values more. */
    @Test
    void eachChunkReadsTheWindowsKv() {
        String io = ", timing: {compute: ignore}";
        double causalMs = run(RUN + io).run().metrics().get(Metrics.TTFT_MS);
        double windowMs = run(RUN + io + ", kvWindow: 4096").run().metrics().get(Metrics.TTFT_MS);
        // 2 chunks x 67,108,864 B at the 8 Elite NPU's 61.83 GB/s
        assertThat(windowMs - causalMs).isCloseTo(2 * 67_108_864 / 61.83e9 * 1e3, within(1e-9));
    }

    private static DecodeRun run(String yaml) {
        DecodeSpec spec = YamlConfig.parse(new ConfigSource("test", "{" + yaml + "}"), DecodeSpec.class);
        return new DecodeRun(ProfileCatalog.load("snapdragon-8-elite"), ModelCatalog.load(spec.model()), spec, new Traces(Path.of("."), 1), 1);
    }
}

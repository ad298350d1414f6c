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
 * Prefill reads what lives in flash: under DIP each prefill chunk reads every masked column,
 * those its column caches hold from DRAM and the rest from flash, so TTFT grows as DRAM shrinks.
 */
class PrefillFromFlashTest {

    private static double ttftMs(String socAndTiming, String budget) {
        String yaml = "{" + socAndTiming + ", model: llama3-8b, weights: int4-g128, computeFormat: int8, prompt: 128, generate: 2,"
                + " placement: {dramBudget: " + budget + ", allowStreaming: true},"
                + " mlp: {kind: dip, keep: 0.5, trace: {synthetic: true}}}";
        DecodeSpec spec = YamlConfig.parse(new ConfigSource("test", yaml), DecodeSpec.class);
        return new DecodeRun(ProfileCatalog.load(spec.soc().asText()), ModelCatalog.load("llama3-8b"), spec,
                new Traces(Path.of("."), 1), 1).run().metrics().get(Metrics.TTFT_MS);
    }

    @Test
    void ttftUnderDipGrowsAsTheDramBudgetShrinks() {
        String phone = "soc: snapdragon-8-gen3, executor: {decode: npu, prefill: npu}";
        double[] ttft = {ttftMs(phone, "2 GB"), ttftMs(phone, "3 GB"), ttftMs(phone, "4 GB"), ttftMs(phone, "5 GB")};
        assertThat(ttft[0]).isGreaterThan(ttft[1]);
        assertThat(ttft[1]).isGreaterThan(ttft[2]);
        assertThat(ttft[2]).isGreaterThan(ttft[3]);
    }

    @Test
    void eachGigabyteMoreOfColumnCacheMovesAGigabyteOfPrefillReadsFromFlashToDram() {
        // I/O only, flash and DRAM one after the other: TTFT = DRAM bytes / 60 GB/s + flash bytes / 1 GB/s,
        // and 1 GB more budget moves 1 GB of masked columns from flash to DRAM:
        // 1e9 / 1e9 - 1e9 / 60e9 s = 983.333 ms less.
        String reference = "soc: dip-reference-phone, timing: {compute: ignore, concurrentIo: false}";
        assertThat(ttftMs(reference, "2 GB") - ttftMs(reference, "3 GB")).isCloseTo(1000 - 1000 / 60.0, within(1e-6));
    }
}

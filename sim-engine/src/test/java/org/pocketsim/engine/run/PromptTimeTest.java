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
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The prompt's time by what it waits on sums to its time to first token: the MACs or the I/O,
 * whichever is longer when they overlap, both when compute is serial, plus the fixed costs.
 */
class PromptTimeTest {

    /** Llama-3.2-1B int4 on the 8 Gen 3's NPU: one 128-token chunk reads its weights in less time than its MACs take. */
    private static final String NPU_RUN = "soc: snapdragon-8-gen3, model: llama3.2-1b, weights: int4, computeFormat: int16,"
            + " executor: {decode: npu, prefill: npu}, prompt: 128, generate: 1";

    @Test
    void overlappedTheLongerOfMacsAndIoWaits() {
        Map<String, Double> m = metrics(NPU_RUN);
        assertThat(m.get(Metrics.PREFILL_MS_MACS)).isPositive();
        assertThat(m.get(Metrics.PREFILL_MS_DRAM_IO)).isZero();
        assertThat(m.get(Metrics.PREFILL_MS_FLASH_IO)).isZero();
        assertThat(m.get(Metrics.PREFILL_MS_FIXED)).isZero();   // no npuGraphs on this run
        assertSumsToTtft(m);
    }

    /** Serial compute waits for both; with compute ignored only the I/O is left, and it is the whole prompt. */
    @Test
    void serialComputeWaitsForBothAndIgnoredComputeLeavesTheIo() {
        Map<String, Double> overlap = metrics(NPU_RUN);
        Map<String, Double> serial = metrics(NPU_RUN + ", timing: {compute: serial}");
        Map<String, Double> ignore = metrics(NPU_RUN + ", timing: {compute: ignore}");
        assertThat(ignore.get(Metrics.PREFILL_MS_MACS)).isZero();
        assertThat(ignore.get(Metrics.PREFILL_MS_DRAM_IO)).isPositive().isEqualTo(ignore.get(Metrics.TTFT_MS));
        assertThat(serial.get(Metrics.PREFILL_MS_DRAM_IO)).isEqualTo(ignore.get(Metrics.PREFILL_MS_DRAM_IO));
        assertThat(serial.get(Metrics.PREFILL_MS_MACS)).isEqualTo(overlap.get(Metrics.PREFILL_MS_MACS));
        assertSumsToTtft(serial);
        assertSumsToTtft(ignore);
    }

    /** On the CPU the fork/join and element-wise nodes are fixed costs; every chunk pays its barriers again, the MACs stay. */
    @Test
    void theCpusNodesAreFixedCostsPerChunk() {
        String cpu = "soc: snapdragon-8-gen3, model: llama3.2-1b, weights: int4, computeFormat: int8, executor: {decode: cpu, prefill: cpu},"
                + " compute: {kind: cpu, threads: 4}, prompt: 64, generate: 1";
        Map<String, Double> one = metrics(cpu);
        Map<String, Double> two = metrics(cpu + ", prefillChunk: 32");
        assertThat(one.get(Metrics.PREFILL_MS_FIXED)).isPositive();
        assertThat(two.get(Metrics.PREFILL_MS_FIXED)).isGreaterThan(one.get(Metrics.PREFILL_MS_FIXED));
        assertThat(two.get(Metrics.PREFILL_MS_MACS)).isCloseTo(one.get(Metrics.PREFILL_MS_MACS), within(1e-9));
        assertSumsToTtft(one);
        assertSumsToTtft(two);
    }

    private static void assertSumsToTtft(Map<String, Double> m) {
        double sum = m.get(Metrics.PREFILL_MS_FLASH_IO) + m.get(Metrics.PREFILL_MS_DRAM_IO) + m.get(Metrics.PREFILL_MS_MACS)
                + m.get(Metrics.PREFILL_MS_FIXED);
        assertThat(sum).isCloseTo(m.get(Metrics.TTFT_MS), within(1e-9));
    }

    private static Map<String, Double> metrics(String yaml) {
        DecodeSpec spec = YamlConfig.parse(new ConfigSource("test", "{" + yaml + "}"), DecodeSpec.class);
        return new DecodeRun(ProfileCatalog.load(spec.soc().asText()), ModelCatalog.load("llama3.2-1b"), spec, new Traces(Path.of("."), 1), 1)
                .run().metrics();
    }
}

package org.pocketsim.engine.run;

import org.junit.jupiter.api.Test;
import org.pocketsim.engine.decode.Traces;
import org.pocketsim.engine.point.DecodeSpec;
import org.pocketsim.engine.result.Metrics;
import org.pocketsim.hw.config.ConfigSource;
import org.pocketsim.hw.config.FieldException;
import org.pocketsim.hw.config.YamlConfig;
import org.pocketsim.hw.preset.ProfileCatalog;
import org.pocketsim.workload.model.ModelCatalog;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * A static-graph NPU runtime pays the profile's {@code npu.graphOverhead} once per graph it
 * executes, for every decode step and every prefill chunk, on top of what the accelerator does.
 */
class NpuGraphOverheadTest {

    private static final String NPU_RUN = "model: llama3.2-1b, weights: int4, computeFormat: int16, kv: int8,"
            + " executor: {decode: npu, prefill: npu}, prompt: 256, prefillChunk: 128, generate: 4, kvWindow: 4096";

    /** The 8 Elite's 2.12 ms per graph: three graphs add 6.36 ms to every token and to each of the two prompt chunks. */
    @Test
    void everyStepAndEveryChunkPaysItsGraphs() {
        Map<String, Double> none = metrics("snapdragon-8-elite", NPU_RUN);
        Map<String, Double> three = metrics("snapdragon-8-elite", NPU_RUN + ", npuGraphs: 3");
        assertThat(three.get(Metrics.MS_PER_TOKEN) - none.get(Metrics.MS_PER_TOKEN)).isCloseTo(6.36, within(1e-9));
        assertThat(three.get(Metrics.MS_COMPUTE) - none.get(Metrics.MS_COMPUTE)).isCloseTo(6.36, within(1e-9));
        assertThat(three.get(Metrics.MS_DRAM_IO)).isEqualTo(none.get(Metrics.MS_DRAM_IO));
        assertThat(three.get(Metrics.TTFT_MS) - none.get(Metrics.TTFT_MS)).isCloseTo(2 * 6.36, within(1e-9));
        // the prompt's split shows it as a fixed cost, not as MACs
        assertThat(three.get(Metrics.PREFILL_MS_FIXED) - none.get(Metrics.PREFILL_MS_FIXED)).isCloseTo(2 * 6.36, within(1e-9));
        assertThat(three.get(Metrics.PREFILL_MS_MACS)).isEqualTo(none.get(Metrics.PREFILL_MS_MACS));
        assertThat(three.get(Metrics.DRAM_BYTES_PER_TOKEN)).isEqualTo(none.get(Metrics.DRAM_BYTES_PER_TOKEN));
    }

    @Test
    void theDiscreteEventModeAddsTheSameTime() {
        Map<String, Double> analytic = metrics("snapdragon-8-elite", NPU_RUN + ", npuGraphs: 4");
        Map<String, Double> des = metrics("snapdragon-8-elite", NPU_RUN + ", npuGraphs: 4, mode: des");
        Map<String, Double> desNone = metrics("snapdragon-8-elite", NPU_RUN + ", mode: des");
        assertThat(des.get(Metrics.MS_PER_TOKEN) - desNone.get(Metrics.MS_PER_TOKEN)).isCloseTo(4 * 2.12, within(1e-9));
        // the discrete-event engine rounds its events to picoseconds: within a microsecond of the closed form
        assertThat(des.get(Metrics.MS_PER_TOKEN)).isCloseTo(analytic.get(Metrics.MS_PER_TOKEN), within(1e-3));
    }

    /** Like the CPU's fork/join, the overhead is a fixed compute-side cost: ignoring compute drops it. */
    @Test
    void ignoringComputeIgnoresTheOverhead() {
        String ignore = ", timing: {compute: ignore}";
        assertThat(metrics("snapdragon-8-elite", NPU_RUN + ", npuGraphs: 3" + ignore))
                .isEqualTo(metrics("snapdragon-8-elite", NPU_RUN + ignore));
    }

    /** The wait is time the whole phone spends: the window's decode phase is longer by it and the floor prices it. */
    @Test
    void theWindowCountsTheOverheadAtTheFloor() {
        String window = ", window: {startup: 0 s}";
        Map<String, Double> none = metrics("snapdragon-8-elite", NPU_RUN + window);
        Map<String, Double> two = metrics("snapdragon-8-elite", NPU_RUN + ", npuGraphs: 2" + window);
        // 4 tokens x 2 graphs x 2.12 ms at the 8 Elite's 6.478 W floor, plus the two prompt chunks' 2 x 2 x 2.12 ms
        double extraSeconds = (4 * 2 + 2 * 2) * 2.12e-3;
        double extraMj = extraSeconds * 6.478 * 1e3;
        assertThat((two.get(Metrics.ENERGY_PER_OUTPUT_TOKEN_WINDOW_MJ) - none.get(Metrics.ENERGY_PER_OUTPUT_TOKEN_WINDOW_MJ)) * 4)
                .isCloseTo(extraMj, within(1e-6));
    }

    @Test
    void graphsNeedTheNpuAndAPriceForThem() {
        assertThatThrownBy(() -> metrics("snapdragon-8-elite",
                "model: llama3.2-1b, weights: int4, computeFormat: int8, prompt: 8, generate: 1,"
                        + " executor: {decode: cpu, prefill: cpu}, npuGraphs: 3"))
                .isInstanceOfSatisfying(FieldException.class, e -> {
                    assertThat(e.field()).isEqualTo("npuGraphs");
                    assertThat(e.problem()).isEqualTo("is given, but no decode or prefill work runs on the npu");
                });
        assertThatThrownBy(() -> metrics("snapdragon-8-gen2", NPU_RUN + ", npuGraphs: 3"))
                .isInstanceOfSatisfying(FieldException.class, e -> {
                    assertThat(e.field()).isEqualTo("npuGraphs");
                    assertThat(e.problem()).isEqualTo("needs npu.graphOverhead, which profile 'snapdragon-8-gen2' does not give");
                });
        assertThatThrownBy(() -> metrics("snapdragon-8-elite", NPU_RUN + ", npuGraphs: -1"))
                .hasMessageContaining("npuGraphs").hasMessageContaining("must be in 0..1000, got -1");
    }

    private static Map<String, Double> metrics(String soc, String fields) {
        DecodeSpec spec = YamlConfig.parse(new ConfigSource("test", "{soc: " + soc + ", " + fields + "}"), DecodeSpec.class);
        return new DecodeRun(ProfileCatalog.load(soc), ModelCatalog.load(spec.model()), spec, new Traces(Path.of("."), 1), 1)
                .run().metrics();
    }
}

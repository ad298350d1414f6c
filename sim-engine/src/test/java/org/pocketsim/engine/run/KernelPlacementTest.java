package org.pocketsim.engine.run;

import org.pocketsim.engine.decode.Component;
import org.pocketsim.engine.decode.DesExecutor;
import org.pocketsim.engine.decode.KernelKind;
import org.pocketsim.engine.decode.SocTiming;
import org.pocketsim.engine.decode.TimingSpec;
import org.pocketsim.engine.decode.TokenTime;
import org.pocketsim.engine.decode.Traces;
import org.pocketsim.engine.decode.WorkGroup;
import org.pocketsim.engine.point.DecodeSpec;

import org.junit.jupiter.api.Test;
import org.pocketsim.engine.result.Metrics;
import org.pocketsim.hw.config.ConfigSource;
import org.pocketsim.hw.config.YamlConfig;
import org.pocketsim.hw.preset.ProfileCatalog;
import org.pocketsim.hw.spec.Requester;
import org.pocketsim.workload.model.ModelCatalog;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * Decode kernels can run on different units (PowerInfer-2 style): each kind's reads then stream
 * at its own unit's achievable bandwidth (Snapdragon 8 Gen 3: CPU 43.9, NPU 56 GB/s).
 */
class KernelPlacementTest {

    private static DecodeRun run(String executor, String mode) {
        String yaml = "{soc: snapdragon-8-gen3, model: llama2-7b, weights: int4, computeFormat: int8, prompt: 0, generate: 1,"
                + " kvWindow: 100, mode: " + mode + ", executor: " + executor + ", timing: {compute: ignore}}";
        DecodeSpec spec = YamlConfig.parse(new ConfigSource("test", yaml), DecodeSpec.class);
        return new DecodeRun(ProfileCatalog.load("snapdragon-8-gen3"), ModelCatalog.load("llama2-7b"), spec, new Traces(Path.of("."), 1), 1);
    }

    @Test
    void attentionOnTheCpuAndTheRestOnTheNpuStreamAtEachUnitsBandwidth() {
        DecodeRun split = run("{decode: npu, kernels: {attention: cpu}}", "analytic");
        assertThat(split.unitOf(KernelKind.ATTENTION)).isEqualTo(Requester.CPU);
        assertThat(split.unitOf(KernelKind.MLP)).isEqualTo(Requester.NPU);
        long attention = 1_073_741_824L + 100L * 32 * 2 * 32 * 128 * 2 + 532_480L; // projections, KV of 100 tokens, norms
        long mlpAndHead = 2_164_260_864L + 65_536_000L + 2048L;
        double expectedMs = (attention / 43.9e9 + mlpAndHead / 56e9) * 1e3;
        Map<String, Double> m = split.run().metrics();
        assertThat(m.get(Metrics.MS_PER_TOKEN)).isCloseTo(expectedMs, within(1e-9));
        // des adds the profile's 100 ns DRAM latency to each of the three groups' reads
        Map<String, Double> des = run("{decode: npu, kernels: {attention: cpu}}", "des").run().metrics();
        assertThat(des.get(Metrics.MS_PER_TOKEN)).isCloseTo(expectedMs + 3 * 100e-6, within(1e-7));
        assertThat(des.get(Metrics.MS_STALL)).isCloseTo(3 * 100e-6, within(1e-7));
    }

    @Test
    void anUnknownKernelKindIsRejectedWithASuggestion() {
        assertThatThrownBy(() -> run("{kernels: {atention: cpu}}", "analytic"))
                .hasMessageContaining("unknown kernel kind 'atention'").hasMessageContaining("did you mean 'attention'?");
    }
}

package org.pocketsim.engine.compute;

import org.junit.jupiter.api.Test;
import org.pocketsim.engine.component.EnergyModel;
import org.pocketsim.engine.component.Stage;
import org.pocketsim.engine.decode.Traces;
import org.pocketsim.engine.point.DecodeSpec;
import org.pocketsim.engine.result.Metrics;
import org.pocketsim.engine.run.DecodeRun;
import org.pocketsim.hw.config.ConfigSource;
import org.pocketsim.hw.config.YamlConfig;
import org.pocketsim.hw.preset.ProfileCatalog;
import org.pocketsim.hw.spec.Requester;
import org.pocketsim.hw.spec.SocSpec;
import org.pocketsim.workload.model.ModelCatalog;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The preset compute model is what every run did before the seam: the profile's rates and tables, bit for bit. */
class PresetComputeTest {

    @Test
    void ratesAndPricesAreTheProfilesOwnForEveryPresetAndFormat() {
        for (SocSpec soc : ProfileCatalog.loadAll()) {
            PresetCompute preset = new PresetCompute(soc);
            EnergyModel tables = EnergyModel.fromSpec(soc);
            for (String f : soc.npu().macsPerCycle().keySet()) {
                assertThat(preset.macsPerSecond(Requester.NPU, f, Stage.PREFILL))
                        .isEqualTo(soc.npu().peakMacsPerSecond(f) * soc.npu().prefillUtilisation());
                assertThat(preset.macsPerSecond(Requester.NPU, f, Stage.DECODE))
                        .isEqualTo(soc.npu().peakMacsPerSecond(f) * soc.npu().decodeUtilisation());
                if (soc.energy().npuPjPerMac().containsKey(f)) {
                    assertThat(preset.pjPerMac(Requester.NPU, f)).isEqualTo(soc.energy().npuPjPerMac(f));
                    assertThat(preset.pjPerMac(Requester.NPU, f)).isEqualTo(tables.tablePjPerMac(Requester.NPU, f));
                }
            }
            for (String f : soc.cpu().macsPerCyclePerCore().keySet()) {
                assertThat(preset.macsPerSecond(Requester.CPU, f, Stage.DECODE)).isEqualTo(soc.cpu().peakMacsPerSecond(f));
            }
            assertThat(preset.npu("int8")).isSameAs(soc.npu());
            if (soc.gpu() == null) {
                assertThatThrownBy(() -> preset.macsPerSecond(Requester.GPU, "fp16", Stage.DECODE))
                        .isInstanceOf(IllegalArgumentException.class).hasMessage("profile '" + soc.id() + "' has no gpu");
                continue;
            }
            for (String f : soc.gpu().macsPerCycle().keySet()) {
                assertThat(preset.macsPerSecond(Requester.GPU, f, Stage.PREFILL))
                        .isEqualTo(soc.gpu().peakMacsPerSecond(f) * soc.gpu().prefillUtilisation());
                assertThat(preset.pjPerMac(Requester.GPU, f)).isEqualTo(soc.energy().gpuPjPerMac(f));
            }
        }
    }

    /**
     * A run on the 8 Gen 3's GPU, by hand: prefill at 3,072 fp16 MACs a cycle x 1 GHz x 0.5, decode at
     * the GPU's 56 GB/s; its MACs priced at the GPU's 0.5 pJ and shown as the timeline's GPU power.
     */
    @Test
    void aRunOnTheGpuTakesTheGpusRateBandwidthAndPrice() {
        SocSpec soc = ProfileCatalog.load("snapdragon-8-gen3");
        assertThat(soc.gpu().peakMacsPerSecond("fp16")).isEqualTo(3.072e12);
        assertThat(soc.dram().achievable(org.pocketsim.hw.spec.RequesterSet.GPU).bytesPerSecond()).isEqualTo(56e9);
        DecodeRun run = decode("{soc: snapdragon-8-gen3, model: llama2-7b, weights: int4, computeFormat: fp16, prompt: 64,"
                + " generate: 2, kvWindow: 64, executor: {decode: gpu, prefill: gpu}, window: {startup: 0 s}}");
        Map<String, Double> m = run.run().metrics();
        assertThat(m.get(Metrics.TTFT_MS)).isCloseTo(run.prefillMacs() / 1.536e12 * 1e3, org.assertj.core.data.Percentage.withPercentage(1e-9));
        assertThat(m.get(Metrics.MS_DRAM_IO)).isCloseTo(m.get(Metrics.DRAM_BYTES_PER_TOKEN) / 56e9 * 1e3,
                org.assertj.core.data.Percentage.withPercentage(1e-9));
        assertThat(m.get("powerW.prefill.gpu")).isCloseTo(run.prefillMacs() * 0.5e-12 / (m.get(Metrics.TTFT_MS) / 1e3),
                org.assertj.core.data.Percentage.withPercentage(1e-9));
        assertThat(m.get("powerW.prefill.cpu")).isZero();
        assertThat(m.get("powerW.prefill.npu")).isZero();
    }

    @Test
    void gpuWorkNeedsAProfileWithAGpuAndTheAnalyticMode() {
        String base = "model: llama2-7b, weights: int4, computeFormat: fp16, prompt: 8, generate: 1, executor: {decode: gpu, prefill: gpu}";
        assertThatThrownBy(() -> new DecodeRun(ProfileCatalog.load("snapdragon-8-elite"), ModelCatalog.load("llama2-7b"),
                YamlConfig.parse(new ConfigSource("test", "{soc: snapdragon-8-elite, " + base + "}"), DecodeSpec.class),
                new Traces(Path.of("."), 1), 1))
                .isInstanceOfSatisfying(org.pocketsim.hw.config.FieldException.class, e -> {
                    assertThat(e.field()).isEqualTo("executor");
                    assertThat(e.problem()).isEqualTo("places work on the gpu, but profile 'snapdragon-8-elite' has no gpu");
                });
        assertThatThrownBy(() -> decode("{soc: snapdragon-8-gen3, mode: des, " + base + "}"))
                .isInstanceOfSatisfying(org.pocketsim.hw.config.FieldException.class, e -> assertThat(e.problem())
                        .isEqualTo("places decode work on the gpu, which mode des does not model (cpu and npu); use mode analytic"));
    }

    @Test
    void aDecodeRunNamingThePresetEqualsOneNamingNothingExactly() {
        String base = "soc: snapdragon-8-gen3, model: llama2-7b, weights: int4, computeFormat: int16, prompt: 1024,"
                + " generate: 4, kvWindow: 1024, executor: {decode: npu, prefill: npu}";
        for (String mode : new String[] {"analytic", "des"}) {
            Map<String, Double> plain = run("{" + base + ", mode: " + mode + "}");
            Map<String, Double> preset = run("{" + base + ", mode: " + mode + ", compute: preset}");
            assertThat(preset).isEqualTo(plain);
        }
        // today's prefill: MACs / (int16 MACs/cycle x clock x prefill utilisation), compute-bound here
        SocSpec soc = ProfileCatalog.load("snapdragon-8-gen3");
        DecodeRun run = decode("{" + base + "}");
        double compute = run.prefillMacs() / (soc.npu().peakMacsPerSecond("int16") * soc.npu().prefillUtilisation());
        assertThat(run.run().metrics().get(Metrics.TTFT_MS)).isEqualTo(compute * 1e3);
    }

    private static Map<String, Double> run(String yaml) {
        return decode(yaml).run().metrics();
    }

    private static DecodeRun decode(String yaml) {
        DecodeSpec spec = YamlConfig.parse(new ConfigSource("test", yaml), DecodeSpec.class);
        return new DecodeRun(ProfileCatalog.load("snapdragon-8-gen3"), ModelCatalog.load("llama2-7b"), spec, new Traces(Path.of("."), 1), 1);
    }
}

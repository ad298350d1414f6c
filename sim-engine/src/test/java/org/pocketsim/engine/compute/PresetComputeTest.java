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
        }
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

package org.pocketsim.engine.compute;

import org.junit.jupiter.api.Test;
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
import static org.assertj.core.api.Assertions.within;

/**
 * The NPU rebuilt per format: the Snapdragon 8 Gen 3 profile's INT8 array (22,500 MACs/cycle at
 * 1 GHz) as 22,500 INT8 -> FX+12 units; FP8-E4M3 -> FP16 units are 1089/724 of one (Fig. 3 gates),
 * so floor(22,500 x 724 / 1089) = 14,958 fit; Horowitz 45 nm prices a unit at gates x 0.3 pJ / 724.
 */
class MacArrayComputeTest {

    private static final SocSpec SOC = ProfileCatalog.load("snapdragon-8-gen3");

    private static MacArrayCompute model(String accumulator) {
        return (MacArrayCompute) new MacArrayComputeSpec(null, null, accumulator, null).bind(SOC);
    }

    @Test
    void theProfilesInt8AreaHoldsItsInt8MacsAndFewerFp8Ones() {
        MacArrayCompute fx = model("FX+12");
        assertThat(fx.design("int8").macsPerCycle()).isEqualTo(22_500);
        assertThat(fx.pjPerMac(Requester.NPU, "int8")).isCloseTo(0.3, within(1e-12));
        MacArrayCompute fp16 = model("FP16");
        assertThat(fp16.design("fp8-e4m3").macsPerCycle()).isEqualTo(14_958);
        assertThat(fp16.pjPerMac(Requester.NPU, "fp8-e4m3")).isCloseTo(1089 * 0.3 / 724, within(1e-12));
        assertThat(fp16.macsPerSecond(Requester.NPU, "fp8-e4m3", Stage.PREFILL)).isEqualTo(14_958 * 1e9 * 0.5);
        // the CPU keeps the profile's numbers
        assertThat(fp16.macsPerSecond(Requester.CPU, "int8", Stage.DECODE)).isEqualTo(SOC.cpu().peakMacsPerSecond("int8"));
        assertThat(fp16.npu("fp8-e4m3").macsPerCycle()).containsExactly(Map.entry("fp8-e4m3", 14_958L));
    }

    @Test
    void aDecodeRunOnTheRebuiltArrayTakesItsRatesAndPrices() {
        String yaml = "{soc: snapdragon-8-gen3, model: llama2-7b, weights: fp8-e4m3, computeFormat: fp8-e4m3, prompt: 1024,"
                + " generate: 2, executor: {decode: npu, prefill: npu}, compute: {kind: mac-array, accumulator: FP16}}";
        DecodeSpec spec = YamlConfig.parse(new ConfigSource("test", yaml), DecodeSpec.class);
        DecodeRun run = new DecodeRun(SOC, ModelCatalog.load("llama2-7b"), spec, new Traces(Path.of("."), 1), 1);
        Map<String, Double> m = run.run().metrics();
        double compute = run.prefillMacs() / (14_958 * 1e9 * 0.5);
        assertThat(m.get(Metrics.TTFT_MS)).isCloseTo(compute * 1e3, within(1e-9));
        assertThat(run.compute().label()).contains("22500.0 INT8-MAC equivalents", "FP16", "horowitz-45nm");
        // the discrete-event engine builds its NPU from the same array: decode is DRAM-bound, so only the
        // profile's 100 ns DRAM latency per work group separates it from the closed form
        DecodeSpec des = YamlConfig.parse(new ConfigSource("test", yaml.replace("prompt: 1024,", "prompt: 1024, mode: des,")), DecodeSpec.class);
        Map<String, Double> d = new DecodeRun(SOC, ModelCatalog.load("llama2-7b"), des, new Traces(Path.of("."), 1), 1).run().metrics();
        assertThat(d.get(Metrics.MS_PER_TOKEN)).isCloseTo(m.get(Metrics.MS_PER_TOKEN), within(1e-3));
        assertThat(d.get(Metrics.ENERGY_COMPUTE_MJ)).isEqualTo(m.get(Metrics.ENERGY_COMPUTE_MJ));
    }

    @Test
    void aBudgetNamesExactlyOneCurrencyAndATableWithoutAreasRefusesMm2() {
        assertThatThrownBy(() -> new BudgetSpec(1.0, 100.0, null)).hasMessageContaining("exactly one of mm2, int8MacEquivalents or watts");
        assertThatThrownBy(() -> new MacArrayComputeSpec(new BudgetSpec(1.0, null, null), "tpuv4i-7nm", "FP32", null).bind(SOC))
                .hasMessageContaining("budget").hasMessageContaining("INT8-MAC equivalents");
        assertThatThrownBy(() -> new MacArrayComputeSpec(null, "horowitz-45", "FP32", null))
                .hasMessageContaining("did you mean 'horowitz-45nm'");
    }
}

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
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Decode work priced per unit from decode-op-rates.csv, worked out by hand on the 8 Elite profile. */
class WeightDecoderTest {

    private static final SocSpec SOC = ProfileCatalog.load("snapdragon-8-elite");

    private static WeightDecoder decoder(String weights, String computeFormat, DecodeWorkPath path) {
        return new WeightDecoder(SOC, new PresetCompute(SOC), weights, computeFormat, path);
    }

    @Test
    void cpuTimeIsEachOpOverItsLanesAtTheFp16MacRate() {
        // CPU fp16: 32 MACs per cycle and core (Oryon), so an op of L lanes costs 32/L MAC-equivalents
        // vq-b8-d4: 0.25 UNPACK at 16 lanes + 0.25 GATHER at 2 lanes = 0.5 + 4 = 4.5
        assertThat(decoder("vq-b8-d4", "fp16", DecodeWorkPath.SOFTWARE).extraMacEquivalentsPerWeight(Requester.CPU))
                .isCloseTo(4.5, within(1e-9));
        // e8p: 1/8 UNPACK (16) + 1/8 GATHER (2) + 2 ADD (16) = 0.25 + 2 + 4
        assertThat(decoder("e8p", "fp16", DecodeWorkPath.SOFTWARE).extraMacEquivalentsPerWeight(Requester.CPU))
                .isCloseTo(6.25, within(1e-9));
        // 2:4 over int4-g128: MACs 0.5 (-0.5), UNPACK 1 (2), SCALE 0.5/128 at 8 lanes (4 x 0.5/128), GATHER 0.5 at 2 (8)
        assertThat(decoder("2of4-int4-g128", "fp16", DecodeWorkPath.SOFTWARE).extraMacEquivalentsPerWeight(Requester.CPU))
                .isCloseTo(-0.5 + 2 + 2.0 / 128 + 8, within(1e-9));
        // ternary: no MAC (-1), ACCUMULATE at 32 lanes (1), UNPACK 1 (2), SCALE 1/256 at 8 (4/256)
        assertThat(decoder("ternary-g256", "fp16", DecodeWorkPath.SOFTWARE).extraMacEquivalentsPerWeight(Requester.CPU))
                .isCloseTo(-1 + 1 + 2 + 4.0 / 256, within(1e-9));
        assertThat(decoder("fp16", "fp16", DecodeWorkPath.SOFTWARE).extraMacEquivalentsPerWeight(Requester.CPU)).isZero();
    }

    @Test
    void npuSoftwareRunsLookupsOnTheVectorUnitAndTheHardwareOptionHidesThem() {
        // NPU fp16: 16313 MACs/cycle x utilisation, lanes per NPU cycle; vq-b4-d2: 1 LUT at 128 lanes
        double macsPerCycle = new PresetCompute(SOC).macsPerSecond(Requester.NPU, "fp16", Stage.DECODE) / SOC.npu().clock().hertz();
        assertThat(decoder("vq-b4-d2", "fp16", DecodeWorkPath.SOFTWARE).extraMacEquivalentsPerWeight(Requester.NPU))
                .isCloseTo(macsPerCycle / 128, within(1e-6));
        assertThat(decoder("vq-b4-d2", "fp16", DecodeWorkPath.HARDWARE).extraMacEquivalentsPerWeight(Requester.NPU)).isZero();
        // ternary on the array: a MAC in time on both paths; energy 1 MAC (software) or 0.453 (adder-tree lane, 328/724 gates)
        double pj = SOC.energy().npuPjPerMac("int8");
        assertThat(decoder("ternary-g256", "int8", DecodeWorkPath.SOFTWARE).extraMacEquivalentsPerWeight(Requester.NPU)).isZero();
        assertThat(decoder("ternary-g256", "int8", DecodeWorkPath.SOFTWARE).decodePjPerWeight(Requester.NPU))
                .isCloseTo(pj * (1.0 + 0.1 + 1.0 / 256), within(1e-12));
        assertThat(decoder("ternary-g256", "int8", DecodeWorkPath.HARDWARE).decodePjPerWeight(Requester.NPU))
                .isCloseTo(pj * (0.453 + 0.1 + 1.0 / 256), within(1e-12));
    }

    @Test
    void aRunWithoutDecodeWorkIsUnchangedAndOneWithItAddsTheDecodeTime() {
        String base = "soc: snapdragon-8-elite, model: llama3-8b, weights: vq-b8-d4, computeFormat: fp16, prompt: 0, generate: 2,"
                + " executor: {decode: cpu}";
        Map<String, Double> plain = run("{" + base + "}");
        Map<String, Double> none = run("{" + base + ", decodeWork: none}");
        assertThat(none).isEqualTo(plain);
        assertThat(plain).doesNotContainKey("msDecodeWork");
        Map<String, Double> sw = run("{" + base + ", decodeWork: software}");
        // the decode work (2.25 MAC-equivalents per weight) triples the compute of a dense fp16 GEMV
        assertThat(sw.get("msDecodeWork")).isGreaterThan(3 * plain.get(Metrics.MS_COMPUTE) * 0.99);
        assertThat(sw.get(Metrics.MS_PER_TOKEN)).isGreaterThanOrEqualTo(plain.get(Metrics.MS_PER_TOKEN));
        assertThat(sw.get("bitsPerWeight")).isEqualTo(2 + 16384.0 / (1 << 24));
        assertThat(sw.get("energyDecodeMj")).isPositive();
    }

    @Test
    void decodeWorkNeedsOneFormatNotALlamaCppMix() {
        assertThatThrownBy(() -> decode("{soc: snapdragon-8-elite, model: llama3-8b, weights: q4_k_m, prompt: 0, generate: 1,"
                + " decodeWork: software}")).isInstanceOf(FieldException.class).hasMessageContaining("decodeWork");
    }

    private static Map<String, Double> run(String yaml) {
        return decode(yaml).run().metrics();
    }

    private static DecodeRun decode(String yaml) {
        DecodeSpec spec = YamlConfig.parse(new ConfigSource("test", yaml), DecodeSpec.class);
        return new DecodeRun(SOC, ModelCatalog.load("llama3-8b"), spec, new Traces(Path.of("."), 1), 1);
    }
}

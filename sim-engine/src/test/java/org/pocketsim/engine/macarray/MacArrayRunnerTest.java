package org.pocketsim.engine.macarray;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pocketsim.engine.experiment.ExperimentLoader;
import org.pocketsim.engine.experiment.ExperimentRunner;
import org.pocketsim.engine.experiment.LoadedExperiment;
import org.pocketsim.engine.result.ExperimentResult;
import org.pocketsim.engine.result.Metrics;
import org.pocketsim.engine.result.PointResult;
import org.pocketsim.engine.result.ResultTable;
import org.pocketsim.engine.sweep.Progress;
import org.pocketsim.hw.config.ConfigException;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * The mac-array point kind through the experiment loader: Llama-3-8B on the Snapdragon 8 Gen 3
 * (its 24 GB variant, so that the weights fit), the profile's INT8 array area rebuilt per datapath.
 */
class MacArrayRunnerTest {

    private static final String HEAD = """
            schemaVersion: 1
            id: mac-array-test
            title: t
            run:
              kind: mac-array
              soc: {extends: snapdragon-8-gen3, dram: {capacity: 24 GiB}}
              model: llama3-8b
              datapath: int8
              accumulator: FX+12
              generate: 2
              perplexity: [quality-formats-llama.csv]
            """;

    private static ExperimentResult run(Path dir, String sweep) throws IOException {
        Path file = dir.resolve("x.yaml");
        Files.writeString(file, HEAD + sweep);
        LoadedExperiment exp = ExperimentLoader.load(file, List.of());
        Progress quiet = new Progress(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), false, exp.points().size());
        return ExperimentRunner.run(exp, dir.resolve("state.jsonl"), 1, quiet);
    }

    private static final String THREE = """
            sweep:
              zip:
                run:
                  - {label: int8, datapath: int8, accumulator: FX+12}
                  - {label: e4-16, datapath: fp8-e4m3, accumulator: FP16}
                  - {label: e4-32, datapath: fp8-e4m3, accumulator: FP32}
                  - {label: e4-fx, datapath: fp8-e4m3, accumulator: FX+12}
            """;

    @Test
    void aHandComputedPointFitsItsMacsPricesThemAndTimesPrefillAndDecode(@TempDir Path dir) throws IOException {
        ExperimentResult r = run(dir, THREE);
        PointResult int8 = r.points().get(0);
        PointResult e4 = r.points().get(1);
        // MACs that fit: 22,500 INT8 -> FX+12 units; FP8-E4M3 -> FP16 gates 1089 of 724: floor(22500 x 724 / 1089)
        assertThat(int8.metric(MacArrayMetrics.MACS_PER_CYCLE)).isEqualTo(22_500);
        assertThat(e4.metric(MacArrayMetrics.MACS_PER_CYCLE)).isEqualTo(14_958);
        assertThat(e4.metric(MacArrayMetrics.GATES_PER_MAC)).isEqualTo(1089);
        assertThat(e4.metric(MacArrayMetrics.PJ_PER_MAC)).isCloseTo(1089 * 0.3 / 724, within(1e-12));
        // Llama-3-8B: 32 layers of q, o (4096^2), k, v (4096 x 1024), MLP 3 x 4096 x 14336, plus the LM head;
        // scores: 2 x 32 heads x 128 per cached token and layer, P(P+1)/2 cached tokens over a 1024-token prompt
        double matrix = 32.0 * (2 * 4096.0 * 4096 + 2 * 4096.0 * 1024 + 3 * 4096.0 * 14336) + 4096.0 * 128256;
        double macs = 1024 * matrix + 2 * 32 * 128 * 32 * (1024 * 1025 / 2.0);
        assertThat(int8.metric(Metrics.TTFT_MS)).isCloseTo(macs / (22_500 * 1e9 * 0.5) * 1e3, within(1e-6));
        assertThat(e4.metric(Metrics.TTFT_MS)).isCloseTo(macs / (14_958 * 1e9 * 0.5) * 1e3, within(1e-6));
        // Iso-power: the INT8 array's power with each MAC's weight read from SRAM (Horowitz: 0.3 pJ MAC, 5 pJ per
        // 32-bit SRAM read, so 1.25 pJ per 8-bit weight): 22,500 x 1.55 pJ x 1 GHz = 34.875 W; FP8-E4M3 ->
        // FP16 at 1089 x 0.3 / 724 + 1.25 pJ fits floor(22500 x 1.55 / 1.70124) = 20,499 units, INT8 its own 22,500.
        double e4Pj = 1089 * 0.3 / 724 + 8 * 5.0 / 32;
        long e4IsoPower = (long) Math.floor(22_500 * (0.3 + 8 * 5.0 / 32) / e4Pj);
        assertThat(e4IsoPower).isEqualTo(20_499);
        assertThat(int8.metric(MacArrayMetrics.ISO_POWER_MACS_PER_CYCLE)).isEqualTo(22_500);
        assertThat(e4.metric(MacArrayMetrics.ISO_POWER_MACS_PER_CYCLE)).isEqualTo(e4IsoPower);
        assertThat(e4.metric(MacArrayMetrics.ISO_POWER_PJ_PER_MAC)).isCloseTo(e4Pj, within(1e-12));
        assertThat(e4.metric(MacArrayMetrics.ISO_POWER_PREFILL_TOKENS_PER_SECOND))
                .isCloseTo(1024 / (macs / (e4IsoPower * 1e9 * 0.5)), within(1e-6));
        assertThat(e4.metric(MacArrayMetrics.ISO_POWER_W)).isCloseTo(22_500 * 1.55e-12 * 1e9, within(1e-9));
        // decode is DRAM-bound at the NPU's 56 GB/s, the same for both 8-bit formats
        double ms = int8.metric(Metrics.DRAM_BYTES_PER_TOKEN) / 56e9 * 1e3;
        assertThat(int8.metric(Metrics.MS_PER_TOKEN)).isCloseTo(ms, within(1e-9));
        assertThat(e4.metric(Metrics.MS_PER_TOKEN)).isCloseTo(ms, within(1e-9));
        // energy per token: MACs + DRAM (4 pJ/bit) + SRAM (1 pJ/byte), static power left out
        double bytes = int8.metric(Metrics.DRAM_BYTES_PER_TOKEN);
        assertThat(int8.metric(Metrics.ENERGY_DRAM_MJ)).isCloseTo(bytes * 8 * 4.0 * 1e-9, within(1e-9));
        assertThat(int8.metric(MacArrayMetrics.ENERGY_SRAM_MJ)).isCloseTo(Math.round(bytes) * 1.0 * 1e-9, within(1e-9));
        assertThat(int8.metric(MacArrayMetrics.DYNAMIC_ENERGY_PER_TOKEN_MJ)).isCloseTo(int8.metric(Metrics.ENERGY_COMPUTE_MJ)
                + int8.metric(Metrics.ENERGY_DRAM_MJ) + int8.metric(MacArrayMetrics.ENERGY_SRAM_MJ), within(1e-12));
    }

    @Test
    void theWhitepapersTwoAnchorsAreMetWithinThreePercentThroughThePointKind(@TempDir Path dir) throws IOException {
        ExperimentResult r = run(dir, THREE);
        double int8 = r.points().get(0).metric(MacArrayMetrics.GATES_PER_MAC);
        assertThat(r.points().get(1).metric(MacArrayMetrics.GATES_PER_MAC) / int8).isCloseTo(1.53, within(1.53 * 0.03));
        assertThat(r.points().get(2).metric(MacArrayMetrics.GATES_PER_MAC) / int8).isCloseTo(2.83, within(2.83 * 0.03));
        assertThat(r.points().get(1).metric(MacArrayMetrics.PUBLISHED_GATES_REL_INT8)).isCloseTo(1113 / 723.0, within(1e-9));
        ResultTable conclusions = table(r, "Conclusions");
        assertThat(conclusions.rows().get(0)).containsSubsequence("fp8e4-fp16", "llama3-8b", "1.530 (+53%)", "1.504", "-1.7%");
        assertThat(conclusions.rows().get(1)).containsSubsequence("fp8e4-fp32", "llama3-8b", "2.830 (+183%)", "2.840", "+0.3%");
        assertThat(conclusions.rows().get(2)).contains("not in this sweep");
        // the whitepaper's range and break-even statements, from whitepaper-claims.csv
        List<String> range = conclusions.rows().get(3);
        assertThat(range.get(0)).isEqualTo("fp8-vs-int8-range");
        assertThat(range.get(3)).startsWith("1.500 to 2.800 (FP formats are somewhere between 50-180% less efficient");
        assertThat(range.get(4)).isEqualTo("1.432 (fp8-e4m3 -> FX+12) to 2.840 (fp8-e4m3 -> FP32)");
        List<String> breakEven = conclusions.rows().get(4);
        assertThat(breakEven.get(0)).isEqualTo("fp8e4-fx-vs-fp16");
        assertThat(breakEven.get(3)).startsWith("1.000 (For FP8-E4");
        assertThat(breakEven.get(4)).isEqualTo("0.952");
    }

    @Test
    void perplexityIsNotMeasuredYetUntilItsCsvIsThereAndThenComesFromIt(@TempDir Path dir) throws IOException {
        String one = "sweep: {zip: {run: [{label: e4, datapath: fp8-e4m3, accumulator: FP16}]}}\n";
        ExperimentResult before = run(dir, one);
        assertThat(table(before, "Perplexity").rows()).containsExactly(List.of("fp8-e4m3", "not measured yet"));
        assertThat(before.points().get(0).notes()).anyMatch(n -> n.contains("perplexity not measured yet"));
        Files.writeString(dir.resolve("quality-formats-llama.csv"), String.join(",", PerplexityCsv.REQUIRED) + "\n"
                + "pocketsim-llama-py,w8a8-fp8-e4m3,fp8-e4m3,fp8-e4m3,12.5,0.25,cuda,abc\n"
                + "pocketsim-llama-py,w8a8-int8,int8,int8,12.4,0.15,cuda,abc\n");
        ExperimentResult after = run(dir, one);
        assertThat(after.points().get(0).metric(MacArrayMetrics.PERPLEXITY_PREFIX + "llama")).isEqualTo(12.5);
        assertThat(table(after, "Perplexity").rows()).containsExactly(List.of("fp8-e4m3", "12.500"));
    }

    @Test
    void realCapturedActivationsAreMeasuredPerWeightFormatHeavyTailedDownInFavouringFp8(@TempDir Path dir) throws IOException {
        Path trace = repoRoot().resolve("data/traces/real/pocketsim-llama-py/prompt-00");
        ExperimentResult r = run(dir, "  tensors: [" + trace + "]\n" + THREE);
        String downIn = MacArrayMetrics.BITS_REAL_PREFIX + "pocketsim-llama-py.down_in";
        double int8 = r.points().get(0).metric(downIn);
        double e4m3 = r.points().get(1).metric(downIn);
        assertThat(e4m3).isGreaterThan(int8);
        assertThat(r.points().get(2).metric(downIn)).isEqualTo(e4m3);
        assertThat(table(r, "Bits of accuracy").columns()).contains("pocketsim-llama-py.mlp_in", "pocketsim-llama-py.down_in");
        assertThat(r.points().get(0).notes()).anyMatch(n -> n.contains("pocketsim-llama-py activations captured"));
    }

    static Path repoRoot() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.exists(p.resolve("mvnw"))) p = p.getParent();
        return p;
    }

    @Test
    void aBlockDatapathWithAFixedPointAccumulatorIsRejectedAtItsLine(@TempDir Path dir) {
        String bad = "sweep: {zip: {run: [{label: mx, datapath: mxfp4, accumulator: FX+12}]}}\n";
        assertThatThrownBy(() -> run(dir, bad)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("x.yaml:").hasMessageContaining("accumulator").hasMessageContaining("mxfp4");
        String unknown = "sweep: {zip: {run: [{label: q, datapath: fp7, accumulator: FP32}]}}\n";
        assertThatThrownBy(() -> run(dir, unknown)).isInstanceOf(ConfigException.class).hasMessageContaining("datapath");
    }

    private static ResultTable table(ExperimentResult r, String prefix) {
        return r.tables().stream().filter(t -> t.title().startsWith(prefix)).findFirst().orElseThrow();
    }
}

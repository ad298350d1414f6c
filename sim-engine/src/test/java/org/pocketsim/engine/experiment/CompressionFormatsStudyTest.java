package org.pocketsim.engine.experiment;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pocketsim.engine.result.ExperimentResult;
import org.pocketsim.engine.result.PointResult;
import org.pocketsim.engine.sweep.Progress;
import org.pocketsim.kernel.format.FormatRegistry;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Percentage.withPercentage;

/** configs/compression-formats.yaml: every point reports its format's exact bits and error; the findings the report states hold. */
class CompressionFormatsStudyTest {

    @Test
    void theStudyRunsAndItsFindingsHold(@TempDir Path dir) {
        LoadedExperiment exp = ExperimentLoader.load(DecodeBaselinesStudyTest.repoRoot().resolve("configs/compression-formats.yaml"), List.of());
        Progress quiet = new Progress(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), false, exp.points().size());
        ExperimentResult result = ExperimentRunner.run(exp, dir.resolve("state.jsonl"), 2, quiet);
        assertThat(result.points()).hasSize(324);
        for (PointResult p : result.points()) {
            String weights = p.parameters().get("run.weights");
            assertThat(p.metrics().get("bitsPerWeight")).as(weights).isEqualTo(FormatRegistry.get(weights).bitsPerElement());
            assertThat(p.metrics()).as(weights).containsKey("weightRelError");
        }
        // Golden: Llama-3-8B on the 8 Elite (any change to the model, rates or config shows here). The CPU row moved
        // from 22.547 to 24.924 tok/s when the Oryon cores' peak became 64 int8 / 32 fp16 MACs a cycle (four vector pipes)
        assertThat(tokens(result, "VQ d4 b8 CPU")).isCloseTo(24.923857115156473, withPercentage(1e-6));
        assertThat(tokens(result, "E8P NPU")).isCloseTo(3.400351326853451, withPercentage(1e-6));
        assertThat(tokens(result, "E8P NPU-hw")).isCloseTo(31.674334604028438, withPercentage(1e-6));
        assertThat(tokens(result, "INT4-g128 NPU")).isCloseTo(15.703922177873876, withPercentage(1e-6));
        // E8P is compute-bound on the CPU (two adds per weight), DRAM-bound with the NPU's LUT option
        Map<String, Double> e8pCpu = metrics(result, "E8P CPU");
        assertThat(e8pCpu.get("msDecodeWork")).isGreaterThan(e8pCpu.get("msWeightStreaming"));
        Map<String, Double> e8pHw = metrics(result, "E8P NPU-hw");
        assertThat(e8pHw.get("msDecodeWork")).isLessThan(e8pHw.get("msWeightStreaming"));
        // the five-trits-per-byte ternary packing streams fewer bytes than the 2-bit one
        assertThat(tokens(result, "ternary 1.69-bit CPU")).isGreaterThan(tokens(result, "ternary 2-bit CPU"));

        // The measured perplexity of the small real dense model joins its points only, by format
        // (data/traces/real/quality-compression-pocketsim-llama-py.csv, GPU run at 08a654e)
        Map<String, Double> e8pSmall = metrics(result, "E8P NPU-hw", SMALL_DENSE);
        assertThat(e8pSmall.get("measuredPerplexity")).isEqualTo(11.690318);
        assertThat(e8pSmall.get("measuredPerplexityDelta")).isEqualTo(1.482855);
        assertThat(e8pSmall.get("measuredWeightRelError")).isEqualTo(0.304565);
        assertThat(metrics(result, "INT4-g128 CPU", SMALL_DENSE).get("measuredPerplexity")).isEqualTo(10.359026);
        assertThat(metrics(result, "SpQR 3b+1% NPU", SMALL_DENSE).get("measuredPerplexity")).isEqualTo(11.103125);
        // the five-trits-per-byte packing decodes to the ternary-g256 codes: read as that row, and says so
        PointResult p5 = point(result, "ternary 1.69-bit CPU", SMALL_DENSE);
        assertThat(p5.metrics().get("measuredPerplexity")).isEqualTo(92.223346);
        assertThat(p5.notes()).anyMatch(n -> n.contains("ternary-p5-g256 read as ternary-g256"));
        // the models the CSV did not measure carry no measured number
        assertThat(metrics(result, "E8P NPU-hw")).doesNotContainKey("measuredPerplexity");
        assertThat(result.points().stream().filter(p -> p.metrics().containsKey("measuredPerplexity")))
                .hasSize(18 * 3 * 2);
        assertThat(exp.spec().report().charts()).anyMatch(c -> c.title().equals(
                "Measured perplexity against tokens/s, pocketsim-llama-py (real small dense), 8 Elite, NPU-hw (one point per format)")
                && c.y().equals(List.of("measuredPerplexity")) && List.of("run.label").equals(c.labelBy()));
    }

    private static final String SMALL_DENSE = "../data/traces/real/models/pocketsim-llama-py.yaml";

    @Test
    void everyPublishedClaimNamesItsSourceAndItsHardware() throws IOException {
        List<String> lines = Files.readAllLines(DecodeBaselinesStudyTest.repoRoot().resolve("data/published/compression-claims.csv"));
        assertThat(lines.get(0)).isEqualTo("claim,value,condition,hardware,source,status");
        assertThat(lines).hasSize(5);
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            assertThat(cells).hasSize(6);
            assertThat(cells[4]).containsPattern("arXiv \\d{4}\\.\\d{5}");
            assertThat(cells[5]).contains("claim");
        }
        assertThat(String.join("\n", lines)).contains("over 50% of peak memory bandwidth", "starting from a 3B size",
                "diminishing returns at lower bitwidths");
    }

    private static Map<String, Double> metrics(ExperimentResult r, String label) {
        return metrics(r, label, "llama3-8b");
    }

    private static Map<String, Double> metrics(ExperimentResult r, String label, String model) {
        return point(r, label, model).metrics();
    }

    private static PointResult point(ExperimentResult r, String label, String model) {
        return r.points().stream().filter(p -> p.parameters().get("run.label").equals(label)
                        && p.parameters().get("run.model").equals(model)
                        && p.parameters().get("run.soc").equals("snapdragon-8-elite"))
                .findFirst().orElseThrow();
    }

    private static double tokens(ExperimentResult r, String label) {
        return metrics(r, label).get("tokensPerSecond");
    }
}

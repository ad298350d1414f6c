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
        // Golden: Llama-3-8B on the 8 Elite (any change to the model, rates or config shows here)
        assertThat(tokens(result, "VQ d4 b8 CPU")).isCloseTo(22.547379560249272, withPercentage(1e-6));
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
    }

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
        return r.points().stream().filter(p -> p.parameters().get("run.label").equals(label)
                        && p.parameters().get("run.model").equals("llama3-8b")
                        && p.parameters().get("run.soc").equals("snapdragon-8-elite"))
                .findFirst().orElseThrow().metrics();
    }

    private static double tokens(ExperimentResult r, String label) {
        return metrics(r, label).get("tokensPerSecond");
    }
}

package org.pocketsim.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class RunCommandTest {

    private static final String SMALL = """
            schemaVersion: 1
            id: small
            title: Small sweep
            run:
              soc: snapdragon-8-gen3
              model: llama2-7b
              weights: int4-g128
              computeFormat: int8
              executor: {decode: cpu, prefill: cpu}
              prompt: 16
              generate: 8
            sweep:
              axes:
                run.weights: [int4-g128, int8]
            report:
              charts:
                - {type: stacked-bar, title: Speed by format}
            """;

    private static Path write(Path dir, String name, String text) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    private static String repo(String relative) {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.exists(p.resolve("mvnw"))) p = p.getParent();
        return p.resolve(relative).toString();
    }

    @Test
    void theSparkExecutorWithoutTheSparkModuleIsBadInputSayingHowToGetIt(@TempDir Path dir) throws Exception {
        Path config = write(dir, "small.yaml", SMALL);
        CliRun r = CliRun.of("run", config.toString(), "--out", dir.resolve("out").toString(), "--executor", "spark", "--master", "local[2]");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo("--executor spark: unknown executor (executors: threads); the spark module is not on the "
                + "class path: run ./pocketsim-spark instead of ./pocketsim, or submit the job jar (see README)");
        CliRun master = CliRun.of("run", config.toString(), "--out", dir.resolve("out").toString(), "--master", "local[2]");
        assertThat(master.exitCode()).isEqualTo(2);
        assertThat(master.err()).startsWith("pocketsim run: --master needs --executor spark");
    }

    @Test
    void validateAcceptsTheShippedStudy() {
        CliRun r = CliRun.of("validate", repo("configs/decode-baselines.yaml"));
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains(": valid (decode-baselines, 10 points, 11 published references)");
    }

    @Test
    void runWritesTheReportAndARerunReusesEveryFinishedPoint(@TempDir Path dir) throws Exception {
        Path config = write(dir, "small.yaml", SMALL);
        Path out = dir.resolve("out");
        CliRun first = CliRun.of("run", config.toString(), "--out", out.toString(), "--jobs", "2");
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out().strip()).isEqualTo("report: " + out.toAbsolutePath().resolve("small/index.html"));
        assertThat(out.resolve("small/results.csv")).isRegularFile();
        assertThat(out.resolve("small/chart-speed-by-format.png")).isRegularFile();
        Path state = out.resolve(".state/small/points.jsonl");
        assertThat(Files.readAllLines(state)).hasSize(2);

        assertThat(CliRun.of("run", config.toString(), "--out", out.toString()).exitCode()).isZero();
        assertThat(Files.readAllLines(state)).as("finished points are reused, not run again").hasSize(2);

        CliRun changed = CliRun.of("run", config.toString(), "--out", out.toString(), "--set", "run.generate=4");
        assertThat(changed.exitCode()).as(changed.err()).isZero();
        assertThat(Files.readAllLines(state)).as("a changed config runs its points anew").hasSize(4);

        assertThat(CliRun.of("run", config.toString(), "--out", out.toString(), "--fresh").exitCode()).isZero();
        assertThat(Files.readAllLines(state)).as("--fresh discards stored points").hasSize(2);
    }

    @Test
    void repeatedRunsWriteByteIdenticalResultsAndPages(@TempDir Path dir) throws Exception {
        Path config = Path.of(repo("configs/moe-example.yaml"));
        Path out = dir.resolve("out");
        assertThat(CliRun.of("run", config.toString(), "--out", out.toString(), "--jobs", "2").exitCode()).isZero();
        byte[] json = Files.readAllBytes(out.resolve("moe-example/results.json"));
        byte[] page = Files.readAllBytes(out.resolve("moe-example/index.html"));
        assertThat(CliRun.of("run", config.toString(), "--out", out.toString(), "--jobs", "1").exitCode()).isZero();
        assertThat(Files.readAllBytes(out.resolve("moe-example/results.json"))).as("reused points").isEqualTo(json);
        assertThat(Files.readAllBytes(out.resolve("moe-example/index.html"))).isEqualTo(page);
        assertThat(CliRun.of("run", config.toString(), "--out", out.toString(), "--fresh").exitCode()).isZero();
        assertThat(Files.readAllBytes(out.resolve("moe-example/results.json"))).as("points run anew").isEqualTo(json);
        assertThat(Files.readAllBytes(out.resolve("moe-example/index.html"))).isEqualTo(page);
        assertThat(new String(json, java.nio.charset.StandardCharsets.UTF_8)).contains("\"sourceKind\" : \"imported\"");
    }

    @Test
    void anUnknownKeyIsOneLineNamingFileLineColumnAndTheNearestKey(@TempDir Path dir) throws Exception {
        Path config = write(dir, "bad.yaml", SMALL.replace("  weights: int4-g128\n", "  weigths: int4-g128\n"));
        CliRun r = CliRun.of("validate", config.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().strip()).doesNotContain("\n").startsWith(config.toString() + ":7:3: field 'run.weigths'")
                .contains("did you mean 'weights'?");
    }

    @Test
    void aBadUnitAndABadSweepValueAreBadInput(@TempDir Path dir) throws Exception {
        Path unit = write(dir, "unit.yaml", SMALL.replace("  prompt: 16\n", "  prompt: 16\n  placement: {dramBudget: 6 GBB}\n"));
        CliRun r = CliRun.of("validate", unit.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("field 'run.placement.dramBudget'").contains("GBB");

        Path format = write(dir, "format.yaml", SMALL.replace("[int4-g128, int8]", "[int4-g128, int9x]"));
        CliRun f = CliRun.of("run", format.toString(), "--out", dir.resolve("out").toString());
        assertThat(f.exitCode()).isEqualTo(2);
        assertThat(f.err()).contains("unknown weight format 'int9x'").contains("sweep point 1: run.weights=int9x");
        assertThat(dir.resolve("out")).as("nothing is written for a config that does not validate").doesNotExist();
    }

    @Test
    void aLineChartOverACategoricalAxisIsRejectedBeforeAnythingRuns(@TempDir Path dir) throws Exception {
        Path config = write(dir, "chart.yaml", SMALL.replace("{type: stacked-bar, title: Speed by format}",
                "{type: line, title: Speed, x: run.weights, y: tokensPerSecond}"));
        CliRun r = CliRun.of("run", config.toString(), "--out", dir.resolve("out").toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("field 'report.charts[0].x'").contains("swept over 'int4-g128', which is not a number, size, bandwidth or frequency");
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void theReadmesExampleExperimentValidates(@TempDir Path dir) throws Exception {
        String readme = Files.readString(Path.of(repo("README.md")));
        int start = readme.indexOf("```yaml\n") + "```yaml\n".length();
        Path example = write(dir, "example.yaml", readme.substring(start, readme.indexOf("```", start)));
        CliRun r = CliRun.of("validate", example.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("valid (my-study, 12 points, 1 published references)");
    }

    @Test
    void aTraceTooShortForTheRunIsBadInputNamingThePoint(@TempDir Path dir) throws Exception {
        String moe = """
                schemaVersion: 1
                id: short
                title: Short trace
                run:
                  soc: snapdragon-8-gen3
                  model: olmoe-1b-7b-0924
                  weights: int4-g128
                  prompt: 8
                  generate: 400
                  mlp: {kind: expert-cache, cachedExperts: 16, trace: {dir: %s}}
                """.formatted(repo("data/traces/olmoe-1b-7b-0924.decode299"));
        CliRun r = CliRun.of("run", write(dir, "short.yaml", moe).toString(), "--out", dir.resolve("out").toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("has 299 tokens, and the run generates 400");
    }

    @Test
    void aModelThatDoesNotFitWithoutStreamingSaysSo(@TempDir Path dir) throws Exception {
        Path config = write(dir, "big.yaml", SMALL.replace("model: llama2-7b", "model: mixtral-8x7b"));
        CliRun r = CliRun.of("validate", config.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("field 'run.placement.allowStreaming'").contains("of DRAM is left for them");
    }
}

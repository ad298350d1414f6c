package org.pocketsim.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pocketsim.engine.sweep.FailedPointsException;
import org.pocketsim.engine.sweep.PointStore;
import org.pocketsim.engine.sweep.Progress;
import org.pocketsim.engine.sweep.RemotePointWork;
import org.pocketsim.engine.sweep.SweepExpander;
import org.pocketsim.engine.sweep.SweepPoint;
import org.pocketsim.engine.sweep.SweepRunner;
import org.pocketsim.engine.sweep.SweepSpec;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * On Spark, a point that throws comes back failed with its message while the others finish and
 * are stored; a re-run runs only the failed points.
 */
class SparkPointFailureTest {

    private static final ObjectMapper M = new ObjectMapper();

    /** Counts the points run, in this JVM (Spark local mode runs its tasks here). */
    static final AtomicInteger RUNS = new AtomicInteger();

    /** A stand-in result: the point's keep value and a draw from its own seed. */
    public record Result(double keep, long draw) {
    }

    /** Runs a point on an executor; the points whose keep is in {@code failing} throw. */
    record Work(List<Double> failing) implements RemotePointWork {
        @Override
        public String run(SweepPoint p) {
            RUNS.incrementAndGet();
            double keep = p.run().get("keep").asDouble();
            if (failing.contains(keep)) throw new IllegalStateException("keep " + keep + " is cursed");
            try {
                return M.writeValueAsString(new Result(keep, new java.util.SplittableRandom(p.seed()).nextLong()));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static List<SweepPoint> points(int n) throws Exception {
        List<JsonNode> keeps = new ArrayList<>();
        for (int i = 0; i < n; i++) keeps.add(M.valueToTree(i / 10.0));
        ObjectNode base = (ObjectNode) M.readTree("{\"keep\":1.0}");
        return SweepExpander.expand(base, new SweepSpec(Map.of("run.keep", keeps), Map.of()), 42).stream()
                .map(p -> p.withHash("point-" + p.parameters().get("run.keep"))).toList();
    }

    private static Progress quiet(int total) {
        return new Progress(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), false, total);
    }

    @Test
    void aFailedPointKeepsItsMessageTheOthersAreStoredAndARerunRetriesOnlyIt(@TempDir Path dir) throws Exception {
        List<SweepPoint> pts = points(12);
        Path state = dir.resolve("points.jsonl");
        JavaSparkContext sc = new JavaSparkContext(new SparkConf().setMaster("local[2]").setAppName("failure-test")
                .set("spark.ui.enabled", "false"));
        try (SparkPointExecutor spark = new SparkPointExecutor(sc)) {
            RUNS.set(0);
            try (PointStore store = new PointStore(state)) {
                assertThatThrownBy(() -> new SweepRunner<>(Result.class, spark).run(pts, p -> {
                    throw new AssertionError("a Spark run never runs a point on the driver");
                }, new Work(List.of(0.3, 0.7)), store, quiet(12)))
                        .isInstanceOfSatisfying(FailedPointsException.class, e -> {
                            assertThat(e.getMessage()).startsWith("2 of 12 points failed");
                            assertThat(e.failures()).extracting(FailedPointsException.Failure::index).containsExactly(3, 7);
                            assertThat(e.failures().get(0).label()).isEqualTo("run.keep=0.3");
                            assertThat(e.failures().get(0).message()).isEqualTo("IllegalStateException: keep 0.3 is cursed");
                        });
            }
            assertThat(RUNS.get()).isEqualTo(12);
            RUNS.set(0);
            List<Result> all;
            try (PointStore store = new PointStore(state)) {
                assertThat(store.size()).isEqualTo(10);
                all = new SweepRunner<>(Result.class, spark).run(pts, p -> {
                    throw new AssertionError("a Spark run never runs a point on the driver");
                }, new Work(List.of()), store, quiet(12));
            }
            assertThat(RUNS.get()).isEqualTo(2);
            assertThat(all).extracting(Result::keep).containsExactly(0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0, 1.1);
        } finally {
            sc.stop();
        }
    }
    /**
     * Through the experiment runner and the report, as on a cluster whose executors see another
     * model file than the driver: those points fail with their message in results.csv,
     * results.json and the report, the others finish; once the file is the same again, a re-run
     * runs only the failed points. A local master's tasks, in the driver's JVM, run the driver's prepared points.
     */
    @Test
    void pointsThatResolveOtherFilesOnTheExecutorAreListedInTheResultsAndTheReport(@TempDir Path dir) throws Exception {
        String preset = new String(org.pocketsim.workload.model.ModelCatalog.class
                .getResourceAsStream("presets/llama2-7b.yaml").readAllBytes(), StandardCharsets.UTF_8);
        java.nio.file.Files.writeString(dir.resolve("m.yaml"), preset.replace("id: llama2-7b", "id: my-7b"));
        Path config = dir.resolve("x.yaml");
        java.nio.file.Files.writeString(config, String.join("\n", "schemaVersion: 1", "id: other-files", "title: Other files",
                "seed: 3", "run: {label: dense, soc: snapdragon-8-gen3, model: llama2-7b, weights: int4, computeFormat: int8,"
                        + " kv: fp16, prompt: 16, generate: 4}",
                "sweep: {axes: {run.model: [llama2-7b, m.yaml], run.generate: [1, 2]}}", ""));
        org.pocketsim.engine.experiment.LoadedExperiment driver = org.pocketsim.engine.experiment.ExperimentLoader.load(config, List.of());
        java.nio.file.Files.writeString(dir.resolve("m.yaml"), preset.replace("id: llama2-7b", "id: my-7b").replace("vocab: 32000", "vocab: 32001"));
        List<SweepPoint> changed = org.pocketsim.engine.experiment.ExperimentLoader.load(config, List.of()).points();
        String host = java.net.InetAddress.getLocalHost().getHostName();
        Path state = dir.resolve("points.jsonl");
        JavaSparkContext sc = new JavaSparkContext(new SparkConf().setMaster("local[2]").setAppName("failure-test")
                .set("spark.ui.enabled", "false"));
        try (SparkPointExecutor spark = SparkPointExecutor.asCluster(sc)) {
            org.pocketsim.engine.result.ExperimentResult r = org.pocketsim.engine.experiment.ExperimentRunner.run(driver, state, spark, quiet(4));
            assertThat(r.points()).extracting(org.pocketsim.engine.result.PointResult::index).containsExactly(0, 1);
            List<String> errors = new ArrayList<>();
            for (int i = 2; i < 4; i++) {
                SweepPoint p = driver.points().get(i);
                errors.add("IllegalStateException: point " + i + " (" + p.label() + ") resolves other inputs on " + host
                        + " than on the driver (key " + changed.get(i).hash().substring(0, 16) + ", driver " + p.hash().substring(0, 16)
                        + "): the profiles, models or traces it reads under " + dir.toAbsolutePath() + " differ; every machine must"
                        + " see the same files at the same paths");
            }
            assertThat(r.failedPoints()).extracting(org.pocketsim.engine.result.FailedPoint::error).containsExactlyElementsOf(errors);
            assertThat(java.nio.file.Files.readAllLines(state)).hasSize(2);
            Path folder = org.pocketsim.report.ReportWriter.write(r, dir.resolve("out")).getParent();
            List<String> csv = java.nio.file.Files.readAllLines(folder.resolve("results.csv"));
            assertThat(csv).hasSize(5);
            assertThat(csv.get(0)).startsWith("index,pointId,run.model,run.generate,tokensPerSecond,").endsWith(",status,error");
            int metrics = csv.get(0).split(",").length - 6;
            for (int i = 2; i < 4; i++) {
                assertThat(csv.get(i + 1)).isEqualTo(i + "," + driver.points().get(i).hash().substring(0, 16) + ",m.yaml," + (i - 1)
                        + ",".repeat(metrics) + ",failed,\"" + errors.get(i - 2) + "\""); // quoted: the message has commas
            }
            assertThat(csv.get(1)).endsWith(",ok,");
            String json = java.nio.file.Files.readString(folder.resolve("results.json"));
            assertThat(org.pocketsim.engine.result.ResultJson.experimentFromJson(json).failedPoints()).isEqualTo(r.failedPoints());
            assertThat(json).contains("    \"error\" : \"" + errors.get(0) + "\",\n    \"configError\" : false\n");
            String html = java.nio.file.Files.readString(folder.resolve("index.html"));
            assertThat(html).contains("<tr class=\"off\"><td class=\"num\">2</td><td>model = m.yaml, generated tokens 1</td><td>"
                    + errors.get(0).replace("'", "&#39;") + "</td></tr>\n");

            // An executor JVM keeps the experiment it rebuilt (and the files it read) for the life of the
            // context; a re-run is a new command with a new context. Here one context serves both, so the
            // config gains a comment: another recipe, rebuilt afresh, with the same point keys.
            java.nio.file.Files.writeString(dir.resolve("m.yaml"), preset.replace("id: llama2-7b", "id: my-7b"));
            java.nio.file.Files.writeString(config, "# again\n" + java.nio.file.Files.readString(config));
            org.pocketsim.engine.experiment.LoadedExperiment rerun = org.pocketsim.engine.experiment.ExperimentLoader.load(config, List.of());
            assertThat(rerun.points()).extracting(SweepPoint::hash).containsExactlyElementsOf(driver.points().stream().map(SweepPoint::hash).toList());
            org.pocketsim.engine.result.ExperimentResult again = org.pocketsim.engine.experiment.ExperimentRunner.run(rerun, state, spark, quiet(4));
            assertThat(again.failedPoints()).isEmpty();
            assertThat(again.points()).hasSize(4);
            assertThat(java.nio.file.Files.readAllLines(state)).hasSize(4); // only the two failed points ran

            // A local master's tasks run in the driver's JVM: they take the driver's prepared points, so
            // a file changed after the driver loaded them changes nothing (and nothing is rebuilt).
            java.nio.file.Files.writeString(dir.resolve("m.yaml"), preset.replace("id: llama2-7b", "id: my-7b").replace("vocab: 32000", "vocab: 32001"));
            try (SparkPointExecutor local = new SparkPointExecutor(sc)) {
                assertThat(local.runsRemoteWorkInThisJvm()).isTrue();
                org.pocketsim.engine.result.ExperimentResult inJvm = org.pocketsim.engine.experiment.ExperimentRunner.run(
                        rerun, dir.resolve("local.jsonl"), local, quiet(4));
                assertThat(inJvm.failedPoints()).isEmpty();
                assertThat(inJvm.points()).extracting(org.pocketsim.engine.result.PointResult::metrics).containsExactlyElementsOf(
                        again.points().stream().map(org.pocketsim.engine.result.PointResult::metrics).toList());
            }
        } finally {
            sc.stop();
        }
    }
}

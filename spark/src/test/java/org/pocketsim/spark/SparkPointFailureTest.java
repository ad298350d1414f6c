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
}

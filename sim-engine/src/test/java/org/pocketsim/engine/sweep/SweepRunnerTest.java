package org.pocketsim.engine.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

class SweepRunnerTest {

    private static final ObjectMapper M = new ObjectMapper();

    /** A stand-in result: a point's keep value times a draw from its own seed. */
    public record Result(double keep, long draw) {
    }

    private static final Function<SweepPoint, Result> TASK =
            p -> new Result(p.run().get("keep").asDouble(), new java.util.SplittableRandom(p.seed()).nextLong());

    private static List<SweepPoint> points(int n) throws Exception {
        List<JsonNode> keeps = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) keeps.add(M.valueToTree(i / 10.0));
        ObjectNode base = (ObjectNode) M.readTree("{\"keep\":1.0}");
        return SweepExpander.expand(base, new SweepSpec(Map.of("run.keep", keeps), Map.of()), 42).stream()
                .map(p -> p.withHash("point-" + p.parameters().get("run.keep"))).toList();
    }

    private static Progress quiet(int total) {
        return new Progress(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), false, total);
    }

    @Test
    void resultsComeBackInPointOrderAndDoNotDependOnTheNumberOfJobs(@TempDir Path dir) throws Exception {
        List<SweepPoint> pts = points(9);
        List<Result> serial = new SweepRunner<>(Result.class, 1).run(pts, TASK, new PointStore(dir.resolve("a.jsonl")), quiet(9));
        List<Result> parallel = new SweepRunner<>(Result.class, 4).run(pts, TASK, new PointStore(dir.resolve("b.jsonl")), quiet(9));
        assertThat(parallel).isEqualTo(serial);
        assertThat(serial).extracting(Result::keep).containsExactly(0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8);
    }

    @Test
    void aRerunSkipsStoredPointsAndRunsOnlyTheRest(@TempDir Path dir) throws Exception {
        Path state = dir.resolve("points.jsonl");
        List<SweepPoint> pts = points(5);
        try (PointStore store = new PointStore(state)) {
            new SweepRunner<>(Result.class, 2).run(pts.subList(0, 3), TASK, store, quiet(3));
        }
        // a killed process leaves a torn last line behind
        Files.writeString(state, "{\"hash\":\"abc\",\"res", java.nio.file.StandardOpenOption.APPEND);

        AtomicInteger calls = new AtomicInteger();
        List<Result> all;
        try (PointStore store = new PointStore(state)) {
            assertThat(store.size()).isEqualTo(3);
            all = new SweepRunner<>(Result.class, 2).run(pts, p -> {
                calls.incrementAndGet();
                return TASK.apply(p);
            }, store, quiet(5));
        }
        assertThat(calls.get()).isEqualTo(2);
        assertThat(all).isEqualTo(new SweepRunner<>(Result.class, 1).run(pts, TASK, new PointStore(dir.resolve("fresh.jsonl")), quiet(5)));
        // the torn line was cut off, so the store now holds five whole lines and nothing else
        List<String> lines = Files.readAllLines(state);
        assertThat(lines).hasSize(5).allSatisfy(l -> assertThat(l).startsWith("{\"hash\":\"point-").endsWith("}"));
        try (PointStore reopened = new PointStore(state)) {
            assertThat(reopened.size()).isEqualTo(5);
        }
    }

    @Test
    void aPointThatThrowsFailsAloneWithItsMessageAndARerunRetriesOnlyIt(@TempDir Path dir) throws Exception {
        Path state = dir.resolve("points.jsonl");
        List<SweepPoint> pts = points(6);
        AtomicInteger calls = new AtomicInteger();
        Function<SweepPoint, Result> cursed = p -> {
            calls.incrementAndGet();
            if (p.run().get("keep").asDouble() == 0.2) throw new IllegalStateException("keep 0.2 is cursed");
            return TASK.apply(p);
        };
        try (PointStore store = new PointStore(state)) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> new SweepRunner<>(Result.class, 2).run(pts, cursed, store, quiet(6)))
                    .isInstanceOfSatisfying(FailedPointsException.class, e -> {
                        assertThat(e.getMessage()).isEqualTo("1 of 6 points failed; the others are stored and a re-run retries only the failed ones");
                        assertThat(e.failures()).containsExactly(new FailedPointsException.Failure(2, "run.keep=0.2",
                                "IllegalStateException: keep 0.2 is cursed", false));
                    });
        }
        assertThat(calls.get()).isEqualTo(6);
        calls.set(0);
        List<Result> all;
        try (PointStore store = new PointStore(state)) {
            assertThat(store.size()).isEqualTo(5);
            all = new SweepRunner<>(Result.class, 2).run(pts, p -> {
                calls.incrementAndGet();
                return TASK.apply(p);
            }, store, quiet(6));
        }
        assertThat(calls.get()).isEqualTo(1);
        assertThat(all).isEqualTo(new SweepRunner<>(Result.class, 1).run(pts, TASK, new PointStore(dir.resolve("fresh.jsonl")), quiet(6)));
    }

    @Test
    void theThreadPoolIsFoundByNameAndAnUnknownNameIsNull() {
        assertThat(PointExecutors.create("threads", 2, null)).isInstanceOf(LocalPointExecutor.class);
        assertThat(PointExecutors.create("spark", 2, null)).isNull(); // the spark module is not on this module's class path
        assertThat(PointExecutors.names()).containsExactly("threads");
    }

    @Test
    void plainProgressLinesNameEachPointAndTheSummaryCountsReuse() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Progress p = new Progress(new PrintStream(bytes, true, StandardCharsets.UTF_8), false, 2);
        p.skipped();
        p.finished("keep=0.5");
        p.summary();
        String text = bytes.toString(StandardCharsets.UTF_8);
        assertThat(text).startsWith("point 2/2 done (keep=0.5), ETA 0.0s\n");
        assertThat(text).contains("2 points: 1 run, 1 reused from an earlier run");
    }
}

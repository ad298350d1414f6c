package org.pocketsim.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The crash test: {@code pocketsim run} of a 20-point sweep is killed with SIGKILL at seeded
 * moments (after a random number of stored points, at a random time, and as soon as report
 * writing has begun), run again to the end, and its report must equal, byte for byte, that of
 * a run never interrupted; no temporary folder may be left behind.
 */
class CrashRecoveryTest {

    private static final long SEED = 16;
    private static final String ID = "sweep20";

    @TempDir
    Path dir;

    @Test
    void aRunKilledAtSeededMomentsAndRunAgainWritesTheReportOfAnUninterruptedRun() throws Exception {
        List<String> left = killAndRecover();
        assertThat(left).as("only the report writer's staging folders may be left behind").allMatch(CrashRecoveryTest::staging);
    }

    /**
     * The promise in full: not even the report writer's staging folder of a killed run
     * ({@code .sweep20.new-*}, {@code .sweep20.old-*}) is left behind: ReportWriter writes into a
     * staging sibling, moves it into place, and removes what a killed write left on the next run.
     */
    @Test
    void noTemporaryFolderIsLeftBehindByARunKilledWhileWritingItsReport() throws Exception {
        assertThat(killAndRecover()).isEmpty();
    }

    private static boolean staging(String path) {
        return path.startsWith("." + ID + ".new-") || path.startsWith("." + ID + ".old-");
    }

    /** Runs the scenario, checks the report bytes and the stored points, and returns the paths left that the reference lacks. */
    private List<String> killAndRecover() throws Exception {
        Path config = ChildCli.resource("/reliability/sweep20.yaml", dir);
        Path logs = dir.resolve("logs");
        Path reference = dir.resolve("reference");
        long start = System.nanoTime();
        ChildCli whole = ChildCli.start(logs, "reference", "run", config.toString(), "--out", reference.toString(), "--jobs", "2");
        assertThat(whole.waitFor(180)).as(whole.err()).isZero();
        long wholeMs = (System.nanoTime() - start) / 1_000_000;

        Path out = dir.resolve("crashed");
        Path points = out.resolve(".state").resolve(ID).resolve("points.jsonl");
        Random random = new Random(SEED);
        List<String> kills = new ArrayList<>();
        int k = 1 + random.nextInt(18);
        kills.add(killWhen(logs, config, out, "after " + k + " stored points", () -> lines(points) >= k));
        long delayMs = 300 + (long) (random.nextDouble() * wholeMs * 0.8);
        long at = System.nanoTime() + delayMs * 1_000_000;
        kills.add(killWhen(logs, config, out, "at " + delayMs + " ms", () -> System.nanoTime() >= at));
        for (int i = 0; i < 2; i++) {
            kills.add(killWhen(logs, config, out, "when report writing began", () -> reportWritingBegan(out)));
        }
        ChildCli last = ChildCli.start(logs, "last", "run", config.toString(), "--out", out.toString(), "--jobs", "2");
        assertThat(last.waitFor(180)).as(last.err()).isZero();

        for (String file : List.of("results.csv", "results.json", "index.html")) {
            assertThat(Files.readAllBytes(out.resolve(ID).resolve(file))).as(file + " after kills " + kills)
                    .isEqualTo(Files.readAllBytes(reference.resolve(ID).resolve(file)));
        }
        assertThat(lines(points)).isEqualTo(20);
        List<String> expected = tree(reference);
        List<String> actual = tree(out);
        assertThat(actual).as("files after kills %s", kills).containsAll(expected);
        return actual.stream().filter(p -> !expected.contains(p)).toList();
    }

    /** Starts a run and kills it with SIGKILL once {@code moment} holds (or lets it finish); says what happened. */
    private static String killWhen(Path logs, Path config, Path out, String moment, BooleanSupplier when) throws Exception {
        ChildCli run = ChildCli.start(logs, "killed", "run", config.toString(), "--out", out.toString(), "--jobs", "2");
        long deadline = System.nanoTime() + 180_000_000_000L;
        while (run.alive() && !when.getAsBoolean()) {
            if (System.nanoTime() > deadline) break;
            Thread.onSpinWait();
        }
        if (!run.alive()) {
            assertThat(run.process().exitValue()).as(run.err()).isZero();
            return moment + ": finished first";
        }
        run.kill();
        return moment + ": killed";
    }

    private static boolean reportWritingBegan(Path out) {
        try (Stream<Path> entries = Files.list(out)) {
            return entries.anyMatch(p -> !p.getFileName().toString().equals(".state"));
        } catch (IOException e) {
            return false;
        }
    }

    private static long lines(Path file) {
        try {
            return Files.exists(file) ? Files.readAllLines(file).stream().filter(l -> l.endsWith("}")).count() : 0;
        } catch (IOException | java.io.UncheckedIOException e) {
            return 0;
        }
    }

    /** Every path under {@code root}, relative to it, sorted. */
    private static List<String> tree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            return paths.map(p -> root.relativize(p).toString()).sorted().toList();
        }
    }
}

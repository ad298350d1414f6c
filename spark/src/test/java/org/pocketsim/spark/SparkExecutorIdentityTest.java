package org.pocketsim.spark;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pocketsim.cli.Main;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The executor seam's promise, through the command line as a user runs it: a 200-point sweep gives
 * byte-identical results.csv and results.json on the thread pool with 1 and 2 jobs and on Spark
 * local[1] and local[2] (the spark module on the class path, found by name), and a re-run on Spark
 * reuses every stored point.
 */
class SparkExecutorIdentityTest {

    private record Run(int exitCode, String out, String err) {
    }

    private static Run cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    static Path config(String name) throws URISyntaxException {
        return Path.of(SparkExecutorIdentityTest.class.getResource(name).toURI());
    }

    @Test
    void threadPoolAndSparkWriteByteIdenticalResults(@TempDir Path dir) throws Exception {
        String file = config("cheap-decode-200.yaml").toString();
        String[][] runs = {
                {"--jobs", "1"},
                {"--jobs", "2"},
                {"--executor", "spark", "--master", "local[1]"},
                {"--executor", "spark", "--master", "local[2]"},
        };
        for (int i = 0; i < runs.length; i++) {
            String[] args = new String[4 + runs[i].length];
            args[0] = "run";
            args[1] = file;
            args[2] = "--out";
            args[3] = dir.resolve("out" + i).toString();
            System.arraycopy(runs[i], 0, args, 4, runs[i].length);
            Run r = cli(args);
            assertThat(r.exitCode()).as(String.join(" ", runs[i]) + ": " + r.err()).isZero();
            assertThat(Files.readAllLines(stored(dir, i))).hasSize(200);
        }
        Path first = dir.resolve("out0/cheap-decode-200");
        assertThat(Files.readAllLines(first.resolve("results.csv"))).hasSize(201);
        for (int i = 1; i < runs.length; i++) {
            Path other = dir.resolve("out" + i + "/cheap-decode-200");
            for (String f : new String[]{"results.csv", "results.json"}) {
                assertThat(Files.readAllBytes(other.resolve(f))).as(String.join(" ", runs[i]) + " " + f)
                        .isEqualTo(Files.readAllBytes(first.resolve(f)));
            }
        }
        // A re-run on Spark reuses every stored point: nothing is appended.
        Run again = cli("run", file, "--out", dir.resolve("out3").toString(), "--executor", "spark", "--master", "local[2]");
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(Files.readAllLines(stored(dir, 3))).hasSize(200);
    }

    private static Path stored(Path dir, int run) {
        return dir.resolve("out" + run + "/.state/cheap-decode-200/points.jsonl");
    }
}

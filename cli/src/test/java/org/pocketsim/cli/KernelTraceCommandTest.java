package org.pocketsim.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pocketsim.workload.kernel.KernelTraceCsv;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class KernelTraceCommandTest {

    static final Path LOG = Path.of("..", "data", "third-party", "kernels", "llamacpp-llama2-7b-q4_0-arm.ggml-perf.log");

    @TempDir
    Path dir;

    @Test
    void importsTheRealLogIntoAKernelTrace() {
        Path out = dir.resolve("llama2.csv");
        CliRun run = CliRun.of("kernel-trace", "import", "--format", "ggml-perf", "--licence", "MIT", LOG.toString(), out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo("wrote " + out + ": 32596 nodes (8381 MUL_MAT) in 29 graphs (27 decode steps), "
                + "llama.cpp build 1307 (cb07976), 4 threads\n");
        assertThat(KernelTraceCsv.read(out).nodes()).hasSize(32_596);
    }

    @Test
    void aMalformedLineExitsWithCode2AndOneLineNamingIt() throws IOException {
        List<String> lines = Files.readAllLines(LOG, StandardCharsets.UTF_8);
        lines.set(357, " -   3: [  4096,     2,     1]          MUL_MAT   (  1) cpu =  18.562");
        Path log = dir.resolve("broken.log");
        Files.write(log, lines, StandardCharsets.UTF_8);
        Path out = dir.resolve("t.csv");
        CliRun run = CliRun.of("kernel-trace", "import", "--format", "ggml-perf", log.toString(), out.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith(log + ":358: malformed node line").hasLineCount(1);
        assertThat(out).doesNotExist();
    }

    @Test
    void anUnknownFormatExitsWithCode2() {
        CliRun run = CliRun.of("kernel-trace", "import", "--format", "nsys", LOG.toString(), dir.resolve("t.csv").toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("--format nsys: unknown kernel-log format (known: ggml-perf)\n");
    }
}

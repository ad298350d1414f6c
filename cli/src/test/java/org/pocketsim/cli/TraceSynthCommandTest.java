package org.pocketsim.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pocketsim.workload.trace.TensorKind;
import org.pocketsim.workload.trace.TraceInfo;
import org.pocketsim.workload.trace.TraceReader;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TraceSynthCommandTest {

    @TempDir
    Path tmp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private static Path repoRoot() {
        String prop = System.getProperty("pocketsim.repoRoot");
        if (prop != null) return Path.of(prop);
        Path dir = Path.of("").toAbsolutePath();
        while (!Files.exists(dir.resolve("mvnw"))) dir = dir.getParent();
        return dir;
    }

    private int run(String... args) {
        CommandLine cl = Main.configure(new CommandLine(new TraceSynthCommand()), new PrintWriter(out, true), new PrintWriter(err, true));
        return cl.execute(args);
    }

    @Test
    void writesADenseTraceThatTheReaderOpensWithProvenance() {
        Path dir = tmp.resolve("phi");
        Path teal = repoRoot().resolve("data/third-party/sparsity/teal-abs-thresholds-by-sparsity.csv");
        assertThat(run("--model", "phi3-mini-4k", "--tokens", "3", "--seed", "7", "--teal", teal.toString(), dir.toString()))
                .as(err.toString()).isZero();
        try (TraceReader r = TraceReader.open(dir)) {
            TraceInfo info = r.info();
            assertThat(info.sourceKind()).isEqualTo(TraceInfo.SourceKind.SYNTHETIC);
            assertThat(info.tokens()).isEqualTo(3);
            assertThat(r.has(TensorKind.MLP_IN, 31)).isTrue();
            assertThat(r.has(TensorKind.DOWN_IN, 0)).isTrue();
            assertThat(r.shape().intermediate()).isEqualTo(8192);
            float[] row = new float[3072];
            r.readRow(TensorKind.MLP_IN, 4, 2, row);
            assertThat(row).isNotEqualTo(new float[3072]);
        }
    }

    @Test
    void routingOnlyOlmoeTraceCalibratedToTheRealTraceWithAReport() throws IOException {
        Path dir = tmp.resolve("olmoe");
        Path csv = tmp.resolve("calibration.csv");
        Path real = repoRoot().resolve("data/third-party/moe/olmoe-1b-7b-0924.decode299.expert-ids.jsonl");
        assertThat(run("--model", "olmoe-1b-7b-0924", "--tokens", "299", "--seed", "42", "--routing-only",
                "--calibrate-to", real.toString(), "--report", csv.toString(), dir.toString())).as(err.toString()).isZero();
        try (TraceReader r = TraceReader.open(dir)) {
            assertThat(r.has(TensorKind.EXPERTS, 15)).isTrue();
            assertThat(r.has(TensorKind.MLP_IN, 0)).isFalse();
            int[] ids = new int[8];
            r.readExperts(15, 298, ids);
            for (int e : ids) assertThat(e).isBetween(0, 63);
        }
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines.get(0)).isEqualTo("section,layer,tensor,statistic,generated,reference,tolerance,within_tolerance,origin");
        assertThat(lines).hasSize(1 + 16 * 8);
        assertThat(out.toString()).contains("64 of 64 checked statistics within tolerance");
    }

    @Test
    void calibratingToATraceDirectoryFitsItsActivationsPersistenceAndRouting() throws IOException {
        Path teal = repoRoot().resolve("data/third-party/sparsity/teal-abs-thresholds-by-sparsity.csv");
        Path known = tmp.resolve("known");
        assertThat(run("--model", "olmoe-1b-7b-0924", "--tokens", "64", "--seed", "3", "--channel-persistence", "0.3",
                "--temporal-persistence", "0.7", "--teal", teal.toString(), known.toString())).as(err.toString()).isZero();
        out.getBuffer().setLength(0);
        Path csv = tmp.resolve("calibration.csv");
        assertThat(run("--model", "olmoe-1b-7b-0924", "--tokens", "64", "--seed", "4", "--calibrate-to", known.toString(),
                "--report", csv.toString(), tmp.resolve("again").toString())).as(err.toString()).isZero();
        // fitted to the known trace: c = 0.3 and rho = 0.7 come back (fp16 storage included)
        assertThat(out.toString()).containsPattern("channel persistence 0\\.(29|30|31)\\d, temporal persistence 0\\.(69|70|71)\\d");
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines).anyMatch(l -> l.startsWith("activation,0,mlp_in,sparsity_at_q0.50,") && l.contains("quantiles of " + known));
        assertThat(lines).anyMatch(l -> l.startsWith("routing,15,experts,reuse_d1,"));
    }

    @Test
    void existingOutputIsRefusedWithExitCodeTwo() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("exists"));
        assertThat(run("--model", "olmoe-1b-7b-0924", "--tokens", "20", "--routing-only", dir.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("already exists");
    }

    @Test
    void routingOnlyOnADenseModelIsABadInput() {
        assertThat(run("--model", "llama2-7b", "--tokens", "2", "--routing-only", tmp.resolve("x").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("--routing-only needs an MoE model");
    }
}

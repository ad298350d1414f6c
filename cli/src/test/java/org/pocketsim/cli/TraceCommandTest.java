package org.pocketsim.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class TraceCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cl = Main.configure(new CommandLine(new TraceCommand()), new PrintWriter(out, true), new PrintWriter(err, true));
        return cl.execute(args);
    }

    private static Path repo() {
        String prop = System.getProperty("pocketsim.repoRoot");
        if (prop != null) return Path.of(prop);
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.exists(p.resolve("mvnw"))) return p;
        }
        throw new IllegalStateException("repository root not found");
    }

    @Test
    void importsTheOlmoeTraceWithPresetDimensionsAndInspectsIt() {
        Path in = repo().resolve("data/third-party/moe/olmoe-1b-7b-0924.decode299.expert-ids.jsonl");
        Path trace = dir.resolve("olmoe");
        assertThat(run("import", "--format", "expert-ids-jsonl", "--model", "olmoe-1b-7b-0924", "--licence", "Apache-2.0",
                in.toString(), trace.toString())).isZero();
        assertThat(out.toString()).contains("wrote " + trace + ": 299 tokens");
        assertThat(run("inspect", trace.toString())).isZero();
        assertThat(out.toString())
                .contains("shape     layers 16, hidden 2048, intermediate 1024, experts 64, top-k 8")
                .contains("source    imported: olmoe-1b-7b-0924.decode299.expert-ids.jsonl (licence Apache-2.0)")
                .contains("tokens    299")
                .contains("              0   0.3335            0.0702")
                .contains("             15   ");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void importsOneTracePerArticleWithAMappedLayerIndex() {
        Path in = repo().resolve("data/third-party/moe/switch-base-32.cnn-dailymail.router-logits.jsonl");
        Path outDir = dir.resolve("switch");
        assertThat(run("import", "--format", "router-logits-jsonl", "--model", "switch-base-32", "--layers", "12",
                "--layer-index", "1,3,5,7,9,11", in.toString(), outDir.toString())).isZero();
        assertThat(outDir.resolve("42c027e4ff97/trace.yaml")).exists();
        assertThat(outDir.resolve("ee8871b15c50/tensors.safetensors")).exists();
        assertThat(run("inspect", outDir.resolve("ee8871b15c50").toString())).isZero();
        assertThat(out.toString()).contains("tokens    78").contains("layers    [1, 3, 5, 7, 9, 11] (6 of 12)");
    }

    @Test
    void aMissingTraceExitsWithCode2AndOneLine() {
        Path missing = dir.resolve("nope");
        assertThat(run("inspect", missing.toString())).isEqualTo(2);
        assertThat(err.toString()).isEqualTo(missing + ": not a trace directory" + System.lineSeparator());
    }

    @Test
    void anUnknownFormatExitsWithCode2() {
        Path in = repo().resolve("data/third-party/moe/olmoe-1b-7b-0924.decode299.expert-ids.jsonl");
        assertThat(run("import", "--format", "csv", "--model", "m", in.toString(), dir.resolve("x").toString())).isEqualTo(2);
        assertThat(err.toString()).startsWith("trace import: unknown import format csv");
        assertThat(dir.resolve("x")).doesNotExist();
    }
}

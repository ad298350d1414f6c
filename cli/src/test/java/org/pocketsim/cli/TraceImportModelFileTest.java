package org.pocketsim.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code trace import --model FILE}: a model YAML instead of a preset id, and its errors. */
class TraceImportModelFileTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private static final String MODEL = """
            id: tiny-moe
            name: "tiny"
            source: "test"
            hidden: 8
            layers: 4
            vocab: 16
            intermediate: 32
            activation: swiglu
            norm: rms
            tiedEmbeddings: false
            mlpBias: false
            lmHeadBias: false
            positionEmbeddings: 0
            attention: {kind: mha, heads: 2, kvHeads: 2, headDim: 4, slidingWindow: 0, qkvBias: false, outBias: false, qkNorm: none}
            moe: {experts: 4, topK: 2, expertIntermediate: 16, sharedExperts: 0, sharedIntermediate: 0, sharedExpertGate: false, denseLayers: 1}
            published: {totalB: 0.001, activeB: 0.001, source: "test"}
            """;

    private int run(String... args) {
        return Main.configure(new CommandLine(new TraceCommand()), new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    private Path jsonl(String... lines) throws IOException {
        return Files.write(dir.resolve("in.jsonl"), List.of(lines));
    }

    @Test
    void aModelFileFillsTheDimensionsAndMapsListsOntoItsMoeLayers() throws IOException {
        Path model = write("tiny.yaml", MODEL);
        Path in = jsonl("{\"tok\": 0, \"layers\": [[0, 1], [2, 3], [1, 3]]}");
        Path trace = dir.resolve("t");
        assertThat(run("import", "--format", "expert-ids-jsonl", "--model", model.toString(), in.toString(), trace.toString()))
                .isZero();
        assertThat(out.toString()).contains("wrote " + trace + ": 1 tokens, layers [1, 2, 3]");
        assertThat(Files.readString(trace.resolve("trace.yaml"))).contains("model: tiny-moe");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void aMissingModelFileIsOneLineExitTwo() throws IOException {
        Path in = jsonl("{\"tok\": 0, \"layers\": [[0, 1]]}");
        Path missing = dir.resolve("nope.yaml");
        assertThat(run("import", "--format", "expert-ids-jsonl", "--model", missing.toString(), in.toString(),
                dir.resolve("t").toString())).isEqualTo(2);
        assertThat(err.toString()).isEqualTo(missing + ": no such model file (a model is a preset id, see"
                + " 'pocketsim models list', or a model YAML file)" + System.lineSeparator());
        assertThat(dir.resolve("t")).doesNotExist();
    }

    @Test
    void aBadModelFileNamesFileLineColumnAndField() throws IOException {
        Path model = write("bad.yaml", MODEL.replace("layers: 4", "layers: 4\nlayout: {pattern: [full, lineer]}"));
        Path in = jsonl("{\"tok\": 0, \"layers\": [[0, 1], [2, 3], [1, 3]]}");
        assertThat(run("import", "--format", "expert-ids-jsonl", "--model", model.toString(), in.toString(),
                dir.resolve("t").toString())).isEqualTo(2);
        assertThat(err.toString()).isEqualTo(model + ":6:26: field 'layout.pattern[1]': unknown value 'lineer';"
                + " did you mean 'linear'? (accepted: full, linear)" + System.lineSeparator());
    }

    @Test
    void aListCountThatFitsNoMoeLayerCountNamesTheInputLine() throws IOException {
        Path model = write("tiny.yaml", MODEL);
        Path in = jsonl("{\"tok\": 0, \"layers\": [[0, 1], [2, 3], [1, 3], [0, 2]]}");
        assertThat(run("import", "--format", "expert-ids-jsonl", "--model", model.toString(), in.toString(),
                dir.resolve("t").toString())).isEqualTo(2);
        assertThat(err.toString()).isEqualTo(in + ":1: holds 4 layer lists per token, expected 3: one per MoE"
                + " layer of tiny-moe (1..3; dense layers get none), or give --layer-index" + System.lineSeparator());
        assertThat(dir.resolve("t")).doesNotExist();
    }
}

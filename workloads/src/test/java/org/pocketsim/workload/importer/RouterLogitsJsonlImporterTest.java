package org.pocketsim.workload.importer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pocketsim.workload.trace.InMemoryTrace;
import org.pocketsim.workload.trace.TensorKind;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RouterLogitsJsonlImporterTest {

    @TempDir
    Path dir;

    private static ImportSpec switchBase() {
        return new ImportSpec("switch-base-32", 12, 768, 3072, 0, new int[] {1, 3, 5, 7, 9, 11}, "origin", "Apache-2.0", "article", null, null);
    }

    @Test
    void importsOneTracePerArticleWithPinnedLogits() {
        Path in = RepoRoot.get().resolve("data/third-party/moe/switch-base-32.cnn-dailymail.router-logits.jsonl");
        List<ImportedTrace> traces = new RouterLogitsJsonlImporter().read(in, switchBase());
        assertThat(traces).extracting(ImportedTrace::name)
                .containsExactly("42c027e4ff9730fbb3de84c1af0d2c506e41c3e4", "ee8871b15c50d0db17b0179a6d2beab35065f1e9");
        InMemoryTrace a = traces.get(0).trace();
        InMemoryTrace b = traces.get(1).trace();
        assertThat(a.info().tokens()).isEqualTo(57);
        assertThat(b.info().tokens()).isEqualTo(78);
        assertThat(a.info().layers()).containsExactly(1, 3, 5, 7, 9, 11);
        assertThat(a.shape().experts()).isEqualTo(32);
        assertThat(a.shape().topK()).isEqualTo(1);
        assertThat(a.info().provenance()).containsEntry("origin", "origin (sequence 42c027e4ff9730fbb3de84c1af0d2c506e41c3e4)");
        float[] logits = new float[32];
        a.readRow(TensorKind.ROUTER_LOGITS, 1, 0, logits);
        assertThat(logits[0]).isEqualTo(0.5499f);
        assertThat(logits[11]).isEqualTo(9.263f);
        a.readRow(TensorKind.ROUTER_LOGITS, 7, 0, logits);
        assertThat(logits[0]).isEqualTo(26.177f);
        int[] top = new int[1];
        a.readExperts(1, 0, top);
        assertThat(top[0]).isEqualTo(11);
        b.readExperts(11, 77, top);
        assertThat(top[0]).isEqualTo(28);
        b.readRow(TensorKind.ROUTER_LOGITS, 11, 77, logits);
        assertThat(logits[1]).isEqualTo(-58.7885f);
    }

    private Path file(String... lines) throws IOException {
        return Files.write(dir.resolve("in.jsonl"), List.of(lines));
    }

    private static ImportSpec tiny() {
        return new ImportSpec("m", 0, 0, 0, 0, null, "test", "MIT", null, null, null);
    }

    private static String step(String article, int step, String logits, int top1) {
        return "{\"article_id\": \"" + article + "\", \"step\": " + step + ", \"input_token_id\": 0, \"layers\": [{\"moe_layer\": 0, \"top1\": "
                + top1 + ", \"router_logits\": " + logits + "}]}";
    }

    @Test
    void stepOutOfOrderNamesTheLine() throws IOException {
        Path in = file(step("a", 0, "[1, 2]", 1), step("b", 0, "[1, 2]", 1), step("a", 2, "[1, 2]", 1));
        assertThatThrownBy(() -> new RouterLogitsJsonlImporter().read(in, tiny())).hasMessage(in + ":3: step 2 of article a, expected 1");
    }

    @Test
    void logitRowOfTheWrongWidthNamesTheLine() throws IOException {
        Path in = file(step("a", 0, "[1, 2]", 1), step("a", 1, "[1, 2, 3]", 1));
        assertThatThrownBy(() -> new RouterLogitsJsonlImporter().read(in, tiny()))
                .hasMessage(in + ":2: layers[0] holds 3 router logits, expected 2");
    }

    @Test
    void nonNumericLogitOrBadTop1NamesTheLine() throws IOException {
        Path in = file(step("a", 0, "[1, \"x\"]", 1));
        assertThatThrownBy(() -> new RouterLogitsJsonlImporter().read(in, tiny()))
                .hasMessage(in + ":1: layers[0].router_logits[1] is \"x\", not a number");
        Path top = file(step("a", 0, "[1, 2]", 2));
        assertThatThrownBy(() -> new RouterLogitsJsonlImporter().read(top, tiny())).hasMessage(top + ":1: layers[0].top1 is 2, outside 0..1");
    }

    @Test
    void singleArticleTraceHasNoSequenceSuffix() throws IOException {
        Path in = file(step("a", 0, "[1, 2]", 1), step("a", 1, "[3, 2]", 0));
        List<ImportedTrace> t = new RouterLogitsJsonlImporter().read(in, tiny());
        assertThat(t).hasSize(1);
        assertThat(t.get(0).trace().info().provenance()).containsEntry("origin", "test");
        assertThat(t.get(0).trace().shape().layers()).isEqualTo(1);
    }
}

package org.pocketsim.workload.kernel;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pocketsim.workload.trace.TraceException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The importer on the real llama.cpp GGML_PERF log shipped in data/, whole and with single lines broken. */
class GgmlPerfImporterTest {

    static final Path LOG = Path.of("..", "data", "third-party", "kernels", "llamacpp-llama2-7b-q4_0-arm.ggml-perf.log");
    private static KernelTrace trace;
    private static List<String> lines;

    @TempDir
    Path tmp;

    @BeforeAll
    static void readTheLog() throws IOException {
        trace = GgmlPerfImporter.read(LOG, "brave-experiments/MELT-public@15dcd82c", "MIT");
        lines = Files.readAllLines(LOG, StandardCharsets.UTF_8);
    }

    @Test
    void readsEveryNodeOfEveryGraph() {
        assertThat(trace.nodes()).hasSize(32_596);
        assertThat(trace.graphs()).isEqualTo(29);
        assertThat(trace.engine()).isEqualTo("llama.cpp build 1307 (cb07976)");
        assertThat(trace.model()).isEqualTo("llama-2-7b-512-q4_0.gguf");
        assertThat(trace.nodes()).allMatch(n -> n.threads() == 4);
        // graph 0 is the 2-token prompt, graph 2 a 3-token turn, the other 27 single-token decode steps
        assertThat(trace.nodes().stream().filter(n -> n.tokens() == 1).map(KernelNode::graph).distinct().count()).isEqualTo(27);
    }

    @Test
    void theFirstNodesAreTheLinesOfTheLog() {
        // line 355: " -   0: [  4096,     2,     1]         GET_ROWS   (  1) cpu =   0.129 /   0.129 ms, wall =   0.037 /   0.037 ms"
        KernelNode first = trace.nodes().get(0);
        assertThat(first).isEqualTo(new KernelNode(0, 0, 2, "GET_ROWS", 4096, 2, 1, 0, "", "fp32", 4, 0.037));
        // line 358: the K projection of layer 0, a 4096 x 4096 q4_0 weight, 5.255 ms wall
        KernelNode k = trace.nodes().get(3);
        assertThat(k).isEqualTo(new KernelNode(0, 3, 2, "MUL_MAT", 4096, 2, 1, 4096, "q4_0", "q8_0", 4, 5.255));
    }

    @Test
    void findsEachMatMulsWeightByShape() {
        KernelNode down = trace.nodes().get(34);    // FFN down: 4096 rows, 11008 wide
        assertThat(down.k()).isEqualTo(11008);
        KernelNode up = trace.nodes().get(32);      // FFN up: 11008 rows, 4096 wide
        assertThat(up.k()).isEqualTo(4096);
        KernelNode output = trace.nodes().get(1123);
        assertThat(output.ne0()).isEqualTo(32000);
        assertThat(output.weightType()).isEqualTo("q6_k");
        assertThat(output.actType()).isEqualTo("q8_k");
        KernelNode kq = trace.nodes().get(19);      // [32, 2, 32]: KV length 32 (padded), head width 128
        assertThat(kq.weightType()).isEqualTo("fp16");
        assertThat(kq.k()).isEqualTo(128);
        KernelNode kqv = trace.nodes().get(23);     // [128, 2, 32]: inner length = the SOFT_MAX's 32
        assertThat(kqv.k()).isEqualTo(32);
        long weightMatMuls = trace.nodes().stream().filter(n -> n.isMatMul() && n.ne2() == 1).count();
        assertThat(weightMatMuls).isEqualTo(29 * (32 * 7 + 1));
    }

    @Test
    void roundTripsThroughTheKernelTraceFile() {
        Path file = tmp.resolve("trace.csv");
        KernelTraceCsv.write(trace, file);
        assertThat(KernelTraceCsv.read(file)).isEqualTo(trace);
    }

    @Test
    void aMalformedNodeLineIsAnErrorAtItsLine() throws IOException {
        // line 358 with its wall time cut off
        assertError(358, " -   3: [  4096,     2,     1]          MUL_MAT   (  1) cpu =  18.562 /  18.562 ms",
                ":358: malformed node line");
    }

    @Test
    void anUnknownOpIsAnErrorAtItsLine() throws IOException {
        assertError(360, lines.get(359).replace("ROPE", "ALIBI"), ":360: unknown op 'ALIBI'");
    }

    @Test
    void aMissingNodeIsAnError() throws IOException {
        // drop line 356 (node 1): node 2 arrives where node 1 was expected
        List<String> broken = new ArrayList<>(lines);
        broken.remove(355);
        Path file = tmp.resolve("missing.log");
        Files.write(file, broken, StandardCharsets.UTF_8);
        assertThatThrownBy(() -> GgmlPerfImporter.read(file, "", ""))
                .isInstanceOf(TraceException.class).hasMessage(file + ":356: node 2 where node 1 was expected");
    }

    @Test
    void aTruncatedLogIsAnErrorAtItsLastLine() throws IOException {
        Path file = tmp.resolve("cut.log");
        Files.write(file, lines.subList(0, 400), StandardCharsets.UTF_8);
        assertThatThrownBy(() -> GgmlPerfImporter.read(file, "", ""))
                .hasMessage(file + ":400: the log ends inside a graph dump, before node 46 of 1124");
    }

    @Test
    void aBadPerOpTotalIsAnError() throws IOException {
        assertError(1780, "perf_total_per_op_us[         MUL_MAT] = lots", ":1780: malformed per-op total line");
    }

    // Found by the ggmlPerfLog fuzz target's corpus: these ended as a message without the file and
    // line ("For input string", "kernel node: ...", "kernel trace has no nodes").

    @Test
    void aNodeCountBeyondAnIntIsAnErrorAtItsLine() throws IOException {
        assertError(354, "n_nodes = 99999999999", ":354: n_nodes 99999999999 is out of range (at most 2147483647)");
    }

    @Test
    void aDigitStringBeyondALongIsAnErrorAtItsLine() throws IOException {
        assertError(358, lines.get(357).replace("[  4096,", "[  99999999999999999999,"),
                ":358: extent ne0 99999999999999999999 is out of range");
    }

    @Test
    void aZeroExtentIsAnErrorAtItsLine() throws IOException {
        assertError(358, lines.get(357).replace("[  4096,     2,", "[  4096,     0,"), ":358: extents must be >= 1, got [4096, 0, 1]");
    }

    @Test
    void aTokenCountBeyondAnIntIsAnErrorAtTheGetRowsLine() throws IOException {
        assertError(355, lines.get(354).replace("[  4096,     2,", "[  4096, 3000000000,"),
                ":355: GET_ROWS of 3000000000 tokens is out of range");
    }

    @Test
    void aTimeThatIsNotANumberIsAnErrorAtItsLine() throws IOException {
        assertError(358, lines.get(357).replace("wall =   5.255", "wall =   5.2.55"), ":358: wall time 5.2.55 is not a number");
        assertError(351, "llama_new_context_with_model: kv self size  =  " + "9".repeat(400) + " MB",
                ":351: kv self size " + "9".repeat(400) + " is out of range");
    }

    @Test
    void graphDumpsWithoutNodesAreAnError() throws IOException {
        List<String> empty = new ArrayList<>(lines.subList(0, 353));
        empty.addAll(List.of("n_nodes = 0", "n_leafs = 0", "========================================", lines.get(1793)));
        Path file = tmp.resolve("empty.log");
        Files.write(file, empty, StandardCharsets.UTF_8);
        assertThatThrownBy(() -> GgmlPerfImporter.read(file, "", ""))
                .isInstanceOf(TraceException.class).hasMessage(file + ": no graph dump holds a node");
    }

    private void assertError(int lineNumber, String replacement, String message) throws IOException {
        List<String> broken = new ArrayList<>(lines);
        broken.set(lineNumber - 1, replacement);
        Path file = tmp.resolve("broken.log");
        Files.write(file, broken, StandardCharsets.UTF_8);
        assertThatThrownBy(() -> GgmlPerfImporter.read(file, "", ""))
                .isInstanceOf(TraceException.class).hasMessage(file + message + messageTail(message));
    }

    private static String messageTail(String message) {
        if (message.contains("unknown op")) return " (known: " + String.join(", ", KernelOps.all()) + ")";
        if (message.contains("malformed node line")) {
            return " (expected ' - i: [ne0, ne1, ne2] OP (runs) cpu = a / b ms, wall = c / d ms')";
        }
        return "";
    }
}

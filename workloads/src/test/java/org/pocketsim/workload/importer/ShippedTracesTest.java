package org.pocketsim.workload.importer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pocketsim.workload.trace.TraceReader;
import org.pocketsim.workload.trace.TraceWriter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The traces shipped in data/traces are exactly what the importers produce from the real data
 * in data/third-party (byte for byte), and they open with full validation. The specs below are
 * the ones data/traces/NOTICE.md gives as {@code pocketsim trace import} command lines.
 */
class ShippedTracesTest {

    @TempDir
    Path tmp;

    static final ImportSpec OLMOE = new ImportSpec("olmoe-1b-7b-0924", 16, 2048, 1024, 64, null,
            "sqliteai/warp @7f1fbba3 : tests/trace_olmoe_299.jsonl (via data/third-party/moe/olmoe-1b-7b-0924.decode299.expert-ids.jsonl)",
            "Apache-2.0", "one C-coding prompt", "sampled", 0.7);

    static final ImportSpec SWITCH = new ImportSpec("switch-base-32", 12, 768, 3072, 0, new int[] {1, 3, 5, 7, 9, 11},
            "abhibambhaniya/MoE_Expert_Scheduler @28c4f7f9 : Modelling Notebooks/switch_t_base_32E_cnn_dailymail_100_1.csv"
                    + " (via data/third-party/moe/switch-base-32.cnn-dailymail.router-logits.jsonl)",
            "Apache-2.0", "CNN/DailyMail article to summarise", null, null);

    @Test
    void olmoeTraceIsTheImportOfTheRealFile() throws IOException {
        Path root = RepoRoot.get();
        List<ImportedTrace> t = new ExpertIdsJsonlImporter().read(root.resolve("data/third-party/moe/olmoe-1b-7b-0924.decode299.expert-ids.jsonl"), OLMOE);
        assertSame(t.get(0), root.resolve("data/traces/olmoe-1b-7b-0924.decode299"), tmp.resolve("olmoe"));
    }

    @Test
    void switchTracesAreTheImportOfTheRealFileOnePerArticle() throws IOException {
        Path root = RepoRoot.get();
        List<ImportedTrace> t = new RouterLogitsJsonlImporter().read(root.resolve("data/third-party/moe/switch-base-32.cnn-dailymail.router-logits.jsonl"), SWITCH);
        assertThat(t).hasSize(2);
        assertSame(t.get(0), root.resolve("data/traces/switch-base-32.cnn-dailymail/42c027e4ff97"), tmp.resolve("a"));
        assertSame(t.get(1), root.resolve("data/traces/switch-base-32.cnn-dailymail/ee8871b15c50"), tmp.resolve("b"));
    }

    private static void assertSame(ImportedTrace imported, Path shipped, Path fresh) throws IOException {
        TraceWriter.write(imported.trace(), imported.trace().shape(), "fp32", fresh);
        for (String f : List.of("trace.yaml", "tensors.safetensors")) {
            assertThat(Files.readAllBytes(shipped.resolve(f))).as(shipped.resolve(f).toString()).isEqualTo(Files.readAllBytes(fresh.resolve(f)));
        }
        try (TraceReader r = TraceReader.open(shipped)) {
            assertThat(r.info().provenance()).containsEntry("licence", "Apache-2.0");
        }
    }
}

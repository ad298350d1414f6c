package org.pocketsim.workload.importer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pocketsim.workload.trace.InMemoryTrace;
import org.pocketsim.workload.trace.TensorKind;
import org.pocketsim.workload.trace.TraceInfo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ExpertIdsJsonlImporterTest {

    @TempDir
    Path dir;

    private static ImportSpec olmoe() {
        return new ImportSpec("olmoe-1b-7b-0924", 16, 2048, 1024, 64, null, "sqliteai/warp @7f1fbba3 : tests/trace_olmoe_299.jsonl",
                "Apache-2.0", null, null, null);
    }

    @Test
    void importsTheOlmoeTraceWithCountsAndPinnedIds() {
        Path in = RepoRoot.get().resolve("data/third-party/moe/olmoe-1b-7b-0924.decode299.expert-ids.jsonl");
        List<ImportedTrace> traces = new ExpertIdsJsonlImporter().read(in, olmoe());
        assertThat(traces).hasSize(1);
        InMemoryTrace t = traces.get(0).trace();
        assertThat(t.info().tokens()).isEqualTo(299);
        assertThat(t.info().layers()).hasSize(16).startsWith(0).endsWith(15);
        assertThat(t.info().sourceKind()).isEqualTo(TraceInfo.SourceKind.IMPORTED);
        assertThat(t.info().provenance()).containsEntry("licence", "Apache-2.0");
        assertThat(t.shape().experts()).isEqualTo(64);
        assertThat(t.shape().topK()).isEqualTo(8);
        assertThat(t.has(TensorKind.ROUTER_LOGITS, 0)).isFalse();
        int[] ids = new int[8];
        t.readExperts(0, 0, ids);
        assertThat(ids).containsExactly(6, 8, 15, 23, 31, 37, 53, 63);
        t.readExperts(7, 150, ids);
        assertThat(ids).containsExactly(10, 19, 36, 40, 50, 51, 52, 60);
        t.readExperts(15, 298, ids);
        assertThat(ids).containsExactly(3, 8, 12, 17, 30, 36, 58, 60);
        assertThat(t.tokenId(0)).isEqualTo(-1);
    }

    private Path file(String... lines) throws IOException {
        return Files.write(dir.resolve("in.jsonl"), List.of(lines));
    }

    private static ImportSpec tiny() {
        return new ImportSpec("m", 0, 0, 0, 4, null, "test", "MIT", null, null, null);
    }

    @Test
    void idOutsideTheExpertCountNamesTheLine() throws IOException {
        Path in = file("{\"tok\": 1, \"layers\": [[0, 1]]}", "", "{\"tok\": 2, \"layers\": [[0, 4]]}");
        assertThatThrownBy(() -> new ExpertIdsJsonlImporter().read(in, tiny()))
                .hasMessage(in + ":3: layer 0 holds expert id 4, outside 0..3");
    }

    @Test
    void brokenJsonNamesTheLine() throws IOException {
        Path in = file("{\"tok\": 1, \"layers\": [[0, 1]]}", "{\"tok\": 2, \"layers\": [[0, 1]");
        assertThatThrownBy(() -> new ExpertIdsJsonlImporter().read(in, tiny())).hasMessageStartingWith(in + ":2: not valid JSON");
    }

    @Test
    void skippedTokenNamesTheLine() throws IOException {
        Path in = file("{\"tok\": 1, \"layers\": [[0, 1]]}", "{\"tok\": 3, \"layers\": [[0, 1]]}");
        assertThatThrownBy(() -> new ExpertIdsJsonlImporter().read(in, tiny()))
                .hasMessage(in + ":2: tok 3 breaks the sequence, expected 2");
    }

    @Test
    void rowOfTheWrongLengthOrRepeatedIdNamesTheLine() throws IOException {
        Path in = file("{\"tok\": 1, \"layers\": [[0, 1]]}", "{\"tok\": 2, \"layers\": [[0, 1, 2]]}");
        assertThatThrownBy(() -> new ExpertIdsJsonlImporter().read(in, tiny())).hasMessage(in + ":2: layer 0 holds 3 ids, expected 2 ids");
        Path dup = file("{\"tok\": 1, \"layers\": [[2, 2]]}");
        assertThatThrownBy(() -> new ExpertIdsJsonlImporter().read(dup, tiny())).hasMessage(dup + ":1: layer 0 holds expert id 2 twice");
    }

    @Test
    void missingFieldNamesTheLine() throws IOException {
        Path in = file("{\"token\": 1, \"layers\": [[0, 1]]}");
        assertThatThrownBy(() -> new ExpertIdsJsonlImporter().read(in, tiny())).hasMessage(in + ":1: field tok missing or not an integer");
    }

    // A 517 KB file whose first line held 60,000 ids and 36,000 '{}' lines after it ended in a
    // NegativeArraySizeException (exit 1): the ids of every line were allocated from the first
    // line's row length before any row was checked.
    @Test
    void moreIdsInARowThanExpertsNamesTheLineBeforeAnyAllocation() throws IOException {
        Path in = file("{\"tok\": 1, \"layers\": [[0, 1, 2, 3, 0]]}", "{}");
        assertThatThrownBy(() -> new ExpertIdsJsonlImporter().read(in, tiny())).hasMessage(in + ":1: layer 0 holds 5 ids, more than the 4 experts");
    }

    @Test
    void aLayerTensorBeyondTheLongestArrayNamesTheLine() {
        Path in = dir.resolve("in.jsonl");
        assertThatThrownBy(() -> JsonLines.checkValues(in, 1, 1_000_000, 65_536, "ids"))
                .hasMessage(in + ":1: 1,000,000 records x 65,536 ids = 65,536,000,000 values per layer, more than 2,147,483,639");
        JsonLines.checkValues(in, 1, 1_000_000, 2_147, "ids");
    }

    @Test
    void moreRecordsThanATraceHoldsNamesTheFirstLineBeyond() throws IOException {
        Path in = file("{}", "", "{}", "{}");
        assertThat(JsonLines.read(in, 3)).hasSize(3);
        assertThatThrownBy(() -> JsonLines.read(in, 2)).hasMessage(in + ":4: more than 2 records (tokens), the bound of a trace");
        assertThat(JsonLines.MAX_RECORDS).isEqualTo(1_000_000);
    }
}

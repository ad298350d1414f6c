package org.pocketsim.workload.importer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pocketsim.workload.model.ModelSpec;
import org.pocketsim.workload.model.ModelSpecLoader;
import org.pocketsim.workload.trace.InMemoryTrace;
import org.pocketsim.workload.trace.TensorKind;
import org.pocketsim.workload.trace.TraceReader;
import org.pocketsim.workload.trace.TraceWriter;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Routing lists map onto the model's MoE layers in order, dense layers getting none. */
class ImporterLayerMappingTest {

    @TempDir
    Path dir;

    /** Four layers, the first dense (as DeepSeek-V2-Lite's first_k_dense_replace 1), 4 experts, top-2. */
    static ModelSpec tinyMoe(String extraDense) {
        String yaml = """
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
                moe: {experts: 4, topK: 2, expertIntermediate: 16, sharedExperts: 0, sharedIntermediate: 0, sharedExpertGate: false, denseLayers: 1%s}
                published: {totalB: 0.001, activeB: 0.001, source: "test"}
                """.formatted(extraDense);
        return ModelSpecLoader.read(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "tiny.yaml");
    }

    private static ImportSpec spec(ModelSpec m, int[] layerIndex) {
        return new ImportSpec(m.id(), m.layers(), m.hidden(), m.moe().expertIntermediate(), m.moe().experts(), layerIndex,
                "test", "MIT", null, null, null, m.moeLayers());
    }

    private Path file(String... lines) throws IOException {
        return Files.write(dir.resolve("in.jsonl"), List.of(lines));
    }

    @Test
    void listsLandOnTheMoeLayersAfterTheDenseFirstLayerAndReadBackThere() throws IOException {
        ModelSpec m = tinyMoe("");
        Path in = file("{\"tok\": 0, \"layers\": [[0, 1], [2, 3], [1, 3]]}",
                "{\"tok\": 1, \"layers\": [[3, 2], [0, 2], [1, 0]]}");
        InMemoryTrace t = new ExpertIdsJsonlImporter().read(in, spec(m, null)).get(0).trace();
        assertThat(t.info().layers()).containsExactly(1, 2, 3);
        Path out = dir.resolve("trace");
        TraceWriter.write(t, t.shape(), "fp32", out);
        try (TraceReader r = TraceReader.open(out)) {
            assertThat(r.info().layers()).containsExactly(1, 2, 3);
            assertThat(r.has(TensorKind.EXPERTS, 0)).isFalse();
            int[] ids = new int[2];
            r.readExperts(1, 0, ids);
            assertThat(ids).containsExactly(0, 1);
            r.readExperts(3, 0, ids);
            assertThat(ids).containsExactly(1, 3);
            r.readExperts(2, 1, ids);
            assertThat(ids).containsExactly(0, 2);
        }
    }

    @Test
    void aListedDenseLayerInTheMiddleIsSkippedToo() throws IOException {
        ModelSpec m = tinyMoe(", denseLayerIndices: [2]");
        Path in = file("{\"tok\": 0, \"layers\": [[0, 1], [2, 3]]}");
        InMemoryTrace t = new ExpertIdsJsonlImporter().read(in, spec(m, null)).get(0).trace();
        assertThat(t.info().layers()).containsExactly(1, 3);
        int[] ids = new int[2];
        t.readExperts(3, 0, ids);
        assertThat(ids).containsExactly(2, 3);
    }

    @Test
    void aListPerModelLayerIncludingTheDenseOneIsAnErrorNamingFileLineAndExpectation() throws IOException {
        ModelSpec m = tinyMoe("");
        Path in = file("", "{\"tok\": 0, \"layers\": [[0, 1], [2, 3], [1, 3], [0, 2]]}");
        assertThatThrownBy(() -> new ExpertIdsJsonlImporter().read(in, spec(m, null)))
                .hasMessage(in + ":2: holds 4 layer lists per token, expected 3: one per MoE layer of tiny-moe"
                        + " (1..3; dense layers get none), or give --layer-index");
    }

    @Test
    void routerLogitsMapOntoMoeLayersAndAWrongCountIsAnError() throws IOException {
        ModelSpec m = tinyMoe("");
        String layer = "{\"moe_layer\": %d, \"top1\": %d, \"router_logits\": [0.1, 0.2, 0.3, 0.4]}";
        Path in = file("{\"article_id\": \"a\", \"step\": 0, \"input_token_id\": 5, \"layers\": ["
                + layer.formatted(0, 3) + ", " + layer.formatted(1, 2) + ", " + layer.formatted(2, 1) + "]}");
        InMemoryTrace t = new RouterLogitsJsonlImporter().read(in, spec(m, null)).get(0).trace();
        assertThat(t.info().layers()).containsExactly(1, 2, 3);
        int[] top1 = new int[1];
        t.readExperts(3, 0, top1);
        assertThat(top1).containsExactly(1);
        assertThat(t.has(TensorKind.ROUTER_LOGITS, 1)).isTrue();

        Path two = file("{\"article_id\": \"a\", \"step\": 0, \"input_token_id\": 5, \"layers\": ["
                + layer.formatted(0, 3) + ", " + layer.formatted(1, 2) + "]}");
        assertThatThrownBy(() -> new RouterLogitsJsonlImporter().read(two, spec(m, null)))
                .hasMessage(two + ":1: holds 2 layer lists per token, expected 3: one per MoE layer of tiny-moe"
                        + " (1..3; dense layers get none), or give --layer-index");
    }

    @Test
    void anExplicitLayerIndexMustMatchTheListCountAndNameMoeLayers() throws IOException {
        ModelSpec m = tinyMoe("");
        Path in = file("{\"tok\": 0, \"layers\": [[0, 1], [2, 3]]}");
        InMemoryTrace t = new ExpertIdsJsonlImporter().read(in, spec(m, new int[] {1, 3})).get(0).trace();
        assertThat(t.info().layers()).containsExactly(1, 3);
        assertThatThrownBy(() -> new ExpertIdsJsonlImporter().read(in, spec(m, new int[] {1, 2, 3})))
                .hasMessage(in + ":1: holds 2 layer lists per token, but --layer-index names 3 layers");
        assertThatThrownBy(() -> spec(m, new int[] {0, 1}))
                .hasMessage("--layer-index names layer 0, which is not an MoE layer of tiny-moe (MoE layers: 1..3)");
    }

    @Test
    void withoutAKnownModelListsMapToLayersFromZero() throws IOException {
        Path in = file("{\"tok\": 0, \"layers\": [[0, 1], [2, 3]]}");
        ImportSpec free = new ImportSpec("free-model", 0, 0, 0, 4, null, "test", "MIT", null, null, null);
        assertThat(new ExpertIdsJsonlImporter().read(in, free).get(0).trace().info().layers()).containsExactly(0, 1);
    }
}

package org.pocketsim.workload.trace;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pocketsim.workload.model.ModelCatalog;
import org.pocketsim.workload.safetensors.Dtype;
import org.pocketsim.workload.safetensors.SafetensorsWriter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TraceReaderValidationTest {

    @TempDir
    Path dir;

    private static final String YAML = """
            schemaVersion: 1
            model: tiny
            shape: {layers: 2, hidden: 3, intermediate: 2, experts: 4, topK: 2}
            tokens: 2
            layers: [1]
            tensors: [mlp_in, experts]
            dtype: fp32
            source: {kind: imported, origin: "test", licence: MIT}
            """;

    private Path trace(String yaml, List<SafetensorsWriter.Spec> specs, float[] mlp, int[] experts) throws IOException {
        Path t = Files.createDirectories(dir.resolve("t"));
        Files.writeString(t.resolve("trace.yaml"), yaml);
        try (SafetensorsWriter w = SafetensorsWriter.create(t.resolve("tensors.safetensors"), specs, Map.of())) {
            for (SafetensorsWriter.Spec s : specs) {
                if (s.dtype() == Dtype.I32) w.writeTensor(s.name(), experts);
                else w.writeTensor(s.name(), mlp);
            }
        }
        return t;
    }

    private Path valid(float[] mlp, int[] experts) throws IOException {
        return trace(YAML, List.of(new SafetensorsWriter.Spec("layers.1.mlp_in", Dtype.F32, 2, 3),
                new SafetensorsWriter.Spec("layers.1.experts", Dtype.I32, 2, 2)), mlp, experts);
    }

    @Test
    void nanInATensorIsFoundOnOpen() throws IOException {
        Path t = valid(new float[] {1, 2, 3, 4, Float.POSITIVE_INFINITY, 6}, new int[] {0, 1, 2, 3});
        assertThatThrownBy(() -> TraceReader.open(t))
                .hasMessage(t.resolve("tensors.safetensors") + ": tensor layers.1.mlp_in holds NaN or infinity at token 1");
    }

    @Test
    void fewerTokensThanClaimedIsRejected() throws IOException {
        Path t = trace(YAML, List.of(new SafetensorsWriter.Spec("layers.1.mlp_in", Dtype.F32, 1, 3),
                new SafetensorsWriter.Spec("layers.1.experts", Dtype.I32, 2, 2)), new float[] {1, 2, 3}, new int[] {0, 1, 2, 3});
        assertThatThrownBy(() -> TraceReader.open(t))
                .hasMessage(t.resolve("tensors.safetensors") + ": tensor layers.1.mlp_in has 1 tokens, fewer than the 2 trace.yaml claims");
    }

    @Test
    void shapeNotMatchingTraceYamlIsRejected() throws IOException {
        Path t = trace(YAML, List.of(new SafetensorsWriter.Spec("layers.1.mlp_in", Dtype.F32, 2, 2),
                new SafetensorsWriter.Spec("layers.1.experts", Dtype.I32, 2, 2)), new float[] {1, 2, 3, 4}, new int[] {0, 1, 2, 3});
        assertThatThrownBy(() -> TraceReader.open(t))
                .hasMessage(t.resolve("tensors.safetensors") + ": tensor layers.1.mlp_in has shape [2, 2], trace.yaml implies [2, 3]");
    }

    @Test
    void shapeNotMatchingTheModelIsRejected() throws IOException {
        Path t = valid(new float[6], new int[] {0, 1, 2, 3});
        try (TraceReader r = TraceReader.open(t)) {
            r.shape().requireMatches(2, 3, 2, 4, 2);
            assertThatThrownBy(() -> r.shape().requireMatches(2, 4096, 2, 4, 2))
                    .hasMessage("trace shape.hidden is 3 but the model has 4096");
        }
    }

    @Test
    void shapeIsCheckedAgainstAModelPreset() {
        TraceShape olmoe = new TraceShape(16, 2048, 1024, 64, 8);
        assertThat(TraceShape.of(ModelCatalog.load("olmoe-1b-7b-0924"))).isEqualTo(olmoe);
        olmoe.requireMatches(ModelCatalog.load("olmoe-1b-7b-0924"));
        assertThatThrownBy(() -> olmoe.requireMatches(ModelCatalog.load("qwen1.5-moe-a2.7b")))
                .hasMessage("trace shape.layers is 16 but the model has 24");
        new TraceShape(16, 0, 0, 64, 8).requireMatches(ModelCatalog.load("olmoe-1b-7b-0924"));
    }

    @Test
    void expertIdsOutsideTheExpertCountAreRejected() throws IOException {
        Path t = valid(new float[6], new int[] {0, 1, 2, 4});
        assertThatThrownBy(() -> TraceReader.open(t))
                .hasMessage(t.resolve("tensors.safetensors") + ": tensor layers.1.experts holds expert id 4 at token 1, outside 0..3");
    }

    @Test
    void tensorOfAnUnlistedLayerIsRejected() throws IOException {
        Path t = trace(YAML, List.of(new SafetensorsWriter.Spec("layers.0.mlp_in", Dtype.F32, 2, 3),
                new SafetensorsWriter.Spec("layers.1.experts", Dtype.I32, 2, 2)), new float[6], new int[] {0, 1, 2, 3});
        assertThatThrownBy(() -> TraceReader.open(t))
                .hasMessage(t.resolve("tensors.safetensors") + ": tensor layers.0.mlp_in belongs to layer 0, not listed in trace.yaml layers");
    }

    @Test
    void activationDtypeMustMatchTraceYaml() throws IOException {
        Path t = trace(YAML, List.of(new SafetensorsWriter.Spec("layers.1.mlp_in", Dtype.F16, 2, 3),
                new SafetensorsWriter.Spec("layers.1.experts", Dtype.I32, 2, 2)), new float[6], new int[] {0, 1, 2, 3});
        assertThatThrownBy(() -> TraceReader.open(t))
                .hasMessage(t.resolve("tensors.safetensors") + ": tensor layers.1.mlp_in is F16, expected F32 (trace.yaml dtype: fp32)");
    }

    @Test
    void unknownYamlKeyIsAnErrorWithLineAndColumn() throws IOException {
        Path t = trace(YAML + "colour: blue\n", List.of(), new float[0], new int[0]);
        assertThatThrownBy(() -> TraceReader.open(t))
                .hasMessageStartingWith(t.resolve("trace.yaml") + ":9:1: field 'colour': unknown key 'colour' (valid keys: dtype, layers,");
    }

    @Test
    void unknownNestedKeyIsLocatedInsideItsMapping() throws IOException {
        Path t = trace(YAML.replace("licence: MIT}", "licence: MIT, url: x}"), List.of(), new float[0], new int[0]);
        assertThatThrownBy(() -> TraceReader.open(t))
                .hasMessageStartingWith(t.resolve("trace.yaml") + ":8:56: field 'source.url': unknown key 'url'");
    }

    @Test
    void floatWhereAnIntIsExpectedIsAnError() throws IOException {
        Path t = trace(YAML.replace("tokens: 2", "tokens: 2.5"), List.of(), new float[0], new int[0]);
        assertThatThrownBy(() -> TraceReader.open(t)).hasMessageStartingWith(t.resolve("trace.yaml") + ":4:1: field 'tokens': expected a whole number, got 2.5");
    }

    @Test
    void missingOriginIsAnError() throws IOException {
        Path t = trace(YAML.replace("origin: \"test\", ", ""), List.of(), new float[0], new int[0]);
        assertThatThrownBy(() -> TraceReader.open(t)).hasMessage(t.resolve("trace.yaml") + ":8:1: field 'source.origin': missing required key 'origin'");
    }

    @Test
    void listedTensorKindWithNoTensorIsRejected() throws IOException {
        Path t = trace(YAML, List.of(new SafetensorsWriter.Spec("layers.1.mlp_in", Dtype.F32, 2, 3)), new float[6], new int[0]);
        assertThatThrownBy(() -> TraceReader.open(t))
                .hasMessage(t.resolve("tensors.safetensors") + ": trace.yaml lists experts but no layers.{i}.experts tensor is present");
    }
}

package org.pocketsim.workload.trace;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TraceWriterReaderRoundTripTest {

    @TempDir
    Path dir;

    @Test
    void fp16TraceRoundTripsValuesShapeAndProvenance() {
        Path out = dir.resolve("t");
        TraceManifest written = TraceWriter.write(TraceFixtures.tiny(), TraceFixtures.SHAPE, "fp16", out);
        assertThat(written.tensors()).containsExactly("tokens", "mlp_in", "down_in", "router_logits", "experts");
        try (TraceReader r = TraceReader.open(out)) {
            assertThat(r.shape()).isEqualTo(TraceFixtures.SHAPE);
            assertThat(r.info().modelId()).isEqualTo("tiny-moe");
            assertThat(r.info().sourceKind()).isEqualTo(TraceInfo.SourceKind.SYNTHETIC);
            assertThat(r.info().layers()).containsExactly(0, 2);
            assertThat(r.info().provenance()).containsEntry("generator.name", "hand-made").containsEntry("generator.seed", "7")
                    .containsEntry("generator.parameters.persistence", "0.8").containsEntry("origin", "hand-made")
                    .containsEntry("licence", "n/a").containsEntry("prompt", "none").containsEntry("sampling.method", "greedy");
            assertThat(r.has(TensorKind.MLP_IN, 1)).isFalse();
            assertThat(r.has(TensorKind.MLP_IN, 2)).isTrue();
            float[] hidden = new float[4];
            r.readRow(TensorKind.MLP_IN, 2, 1, hidden);
            assertThat(hidden).containsExactly(1.75f, 2f, 2.25f, 2.5f);
            float[] down = new float[2];
            r.readRow(TensorKind.DOWN_IN, 0, 2, down);
            assertThat(down).containsExactly(-3f, 2f);
            float[] logits = new float[4];
            r.readRow(TensorKind.ROUTER_LOGITS, 0, 0, logits);
            assertThat(logits).containsExactly(0.1f, 0.2f, 0.3f, 0.4f);
            int[] experts = new int[2];
            r.readExperts(2, 2, experts);
            assertThat(experts).containsExactly(0, 1);
            assertThat(r.tokenId(1)).isEqualTo(22);
        }
    }

    @Test
    void fp16StorageRoundsActivationsToHalfPrecision() {
        InMemoryTrace src = TraceFixtures.tiny();
        float[] mlp = new float[12];
        mlp[0] = 0.1f;
        src.put(TensorKind.MLP_IN, 0, mlp);
        Path out = dir.resolve("r");
        TraceWriter.write(src, TraceFixtures.SHAPE, "fp16", out);
        try (TraceReader r = TraceReader.open(out)) {
            float[] row = new float[4];
            r.readRow(TensorKind.MLP_IN, 0, 0, row);
            assertThat(row[0]).isEqualTo(0.0999755859375f);
        }
    }

    @Test
    void rewritingAReadTraceGivesIdenticalBytes() throws IOException {
        Path a = dir.resolve("a");
        Path b = dir.resolve("b");
        TraceWriter.write(TraceFixtures.tiny(), TraceFixtures.SHAPE, "bf16", a);
        try (TraceReader r = TraceReader.open(a)) {
            TraceWriter.write(r, r.manifest(), b);
        }
        assertThat(Files.readAllBytes(b.resolve("tensors.safetensors"))).isEqualTo(Files.readAllBytes(a.resolve("tensors.safetensors")));
        assertThat(Files.readString(b.resolve("trace.yaml"))).isEqualTo(Files.readString(a.resolve("trace.yaml")));
    }

    @Test
    void nonFiniteSourceValuesLeaveNothingBehind() throws IOException {
        InMemoryTrace src = TraceFixtures.tiny();
        float[] down = {1f, 2f, 3f, Float.NaN, 5f, 6f};
        src.put(TensorKind.DOWN_IN, 2, down);
        Path out = dir.resolve("bad");
        assertThatThrownBy(() -> TraceWriter.write(src, TraceFixtures.SHAPE, "fp32", out))
                .isInstanceOf(TraceException.class).hasMessage(out + ": layers.2.down_in token 1 holds NaN");
        try (Stream<Path> s = Files.list(dir)) {
            assertThat(s.toList()).isEmpty();
        }
    }

    @Test
    void fp16OverflowIsRefusedNamingTheTensorAndToken() {
        InMemoryTrace src = TraceFixtures.tiny();
        src.put(TensorKind.DOWN_IN, 0, new float[] {1f, 2f, 3f, 4f, 70000f, 6f});
        Path out = dir.resolve("big");
        assertThatThrownBy(() -> TraceWriter.write(src, TraceFixtures.SHAPE, "fp16", out))
                .hasMessage(out + ": layers.0.down_in token 2 holds 70000.0 overflows fp16 (store as fp32 or bf16)");
    }

    @Test
    void existingOutputIsNeverOverwritten() throws IOException {
        Path out = Files.createDirectory(dir.resolve("exists"));
        assertThatThrownBy(() -> TraceWriter.write(TraceFixtures.tiny(), TraceFixtures.SHAPE, "fp16", out))
                .hasMessage(out + ": already exists; refusing to overwrite a trace");
    }

    @Test
    void requireNamesEveryMissingTensor() {
        Path out = dir.resolve("req");
        TraceWriter.write(TraceFixtures.tiny(), TraceFixtures.SHAPE, "fp16", out);
        try (TraceReader r = TraceReader.open(out)) {
            r.require(TensorKind.MLP_IN, List.of(0, 2));
            assertThatThrownBy(() -> r.require(TensorKind.DOWN_IN, List.of(0, 1, 2)))
                    .hasMessage(out + ": trace lacks layers.1.down_in, which the experiment needs");
        }
    }
}

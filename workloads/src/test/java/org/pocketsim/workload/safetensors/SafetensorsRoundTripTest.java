package org.pocketsim.workload.safetensors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SafetensorsRoundTripTest {

    @TempDir
    Path dir;

    @Test
    void everyDtypeRoundTripsWithMetadataAndShapes() {
        Path f = dir.resolve("all.safetensors");
        float[] f16 = {-1f, -0.5f, 0f, 0.5f, 1f, 1.5f};
        float[] bf16 = {1f, -2.5f, 3.140625f, 0f};
        float[] f32 = {1.5f, -0.25f, 0.001f};
        int[] i32 = {1, -2, 3, Integer.MAX_VALUE};
        try (SafetensorsWriter w = SafetensorsWriter.create(f, List.of(
                new SafetensorsWriter.Spec("f16", Dtype.F16, 2, 3),
                new SafetensorsWriter.Spec("bf16", Dtype.BF16, 4),
                new SafetensorsWriter.Spec("f32", Dtype.F32, 3),
                new SafetensorsWriter.Spec("i32", Dtype.I32, 2, 2)), Map.of("producer", "pocketsim"))) {
            w.writeTensor("f16", f16);
            w.writeTensor("bf16", bf16);
            w.writeTensor("f32", f32);
            w.writeTensor("i32", i32);
        }
        try (SafetensorsFile sf = SafetensorsFile.open(f)) {
            assertThat(sf.metadata()).containsExactly(Map.entry("producer", "pocketsim"));
            assertThat(sf.header().find("f16").shape()).containsExactly(2, 3);
            assertThat(sf.header().find("i32").beginBytes()).isEqualTo(12 + 8 + 12);
            float[] row = new float[3];
            sf.tensor("f16").readRow(1, row);
            assertThat(row).containsExactly(0.5f, 1f, 1.5f);
            float[] one = new float[1];
            sf.tensor("bf16").readRow(2, one);
            assertThat(one[0]).isEqualTo(3.140625f);
            sf.tensor("f32").readRow(2, one);
            assertThat(one[0]).isEqualTo(0.001f);
            int[] ints = new int[2];
            sf.tensor("i32").readRow(1, ints);
            assertThat(ints).containsExactly(3, Integer.MAX_VALUE);
        }
    }

    @Test
    void headerIsPaddedWithSpacesToEightBytes() throws IOException {
        Path f = dir.resolve("pad.safetensors");
        try (SafetensorsWriter w = SafetensorsWriter.create(f, List.of(new SafetensorsWriter.Spec("x", Dtype.F32, 1)), Map.of())) {
            w.writeTensor("x", new float[] {2f});
        }
        byte[] bytes = Files.readAllBytes(f);
        long n = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getLong(0);
        assertThat(n % 8).isZero();
        assertThat(bytes.length).isEqualTo(8 + n + 4);
        assertThat(bytes[(int) (8 + n - 1)]).isIn((byte) ' ', (byte) '}');
    }

    @Test
    void fp16SpecialValuesRoundTripThroughAFile() {
        Path f = dir.resolve("special.safetensors");
        float[] values = {0x1p-24f, -0x1p-24f, 65504f, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.NaN, -0f};
        try (SafetensorsWriter w = SafetensorsWriter.create(f, List.of(new SafetensorsWriter.Spec("s", Dtype.F16, 1, 7)), Map.of())) {
            w.writeTensor("s", values);
        }
        try (SafetensorsFile sf = SafetensorsFile.open(f)) {
            float[] row = new float[7];
            sf.tensor("s").readRow(0, row);
            assertThat(row).containsExactly(values);
            assertThat(Float.floatToRawIntBits(row[6])).isEqualTo(0x80000000);
            assertThat(sf.tensor("s").firstNonFiniteRow()).isZero();
        }
    }

    @Test
    void nonFiniteScanFindsTheFirstBadRowOfEveryFloatDtype() {
        Path f = dir.resolve("scan.safetensors");
        try (SafetensorsWriter w = SafetensorsWriter.create(f, List.of(new SafetensorsWriter.Spec("h", Dtype.F16, 3, 2),
                new SafetensorsWriter.Spec("b", Dtype.BF16, 3, 2), new SafetensorsWriter.Spec("s", Dtype.F32, 3, 2),
                new SafetensorsWriter.Spec("ok", Dtype.F16, 1, 2)), Map.of())) {
            w.writeTensor("h", new float[] {1, 2, 3, 4, 5, Float.NaN});
            w.writeTensor("b", new float[] {1, 2, Float.NEGATIVE_INFINITY, 4, 5, 6});
            w.writeTensor("s", new float[] {Float.POSITIVE_INFINITY, 2, 3, 4, 5, 6});
            w.writeTensor("ok", new float[] {65504f, -0x1p-24f});
        }
        try (SafetensorsFile sf = SafetensorsFile.open(f)) {
            assertThat(sf.tensor("h").firstNonFiniteRow()).isEqualTo(2);
            assertThat(sf.tensor("b").firstNonFiniteRow()).isEqualTo(1);
            assertThat(sf.tensor("s").firstNonFiniteRow()).isZero();
            assertThat(sf.tensor("ok").firstNonFiniteRow()).isEqualTo(-1);
        }
    }

    @Test
    void chunkedMappingReadsRowsAcrossChunkBoundaries() {
        Path f = dir.resolve("chunks.safetensors");
        int rows = 10;
        int width = 3;
        float[] values = new float[rows * width];
        for (int i = 0; i < values.length; i++) values[i] = i * 0.5f;
        try (SafetensorsWriter w = SafetensorsWriter.create(f, List.of(new SafetensorsWriter.Spec("a", Dtype.F32, rows, width)), Map.of())) {
            w.writeTensor("a", values);
        }
        try (SafetensorsFile sf = SafetensorsFile.open(f, 2 * width * 4 + 5)) {
            float[] row = new float[width];
            for (int r = 0; r < rows; r++) {
                sf.tensor("a").readRow(r, row);
                assertThat(row).containsExactly(r * 1.5f, r * 1.5f + 0.5f, r * 1.5f + 1f);
            }
        }
    }

    @Test
    void closingWithUnwrittenRowsFails() {
        Path f = dir.resolve("partial.safetensors");
        SafetensorsWriter w = SafetensorsWriter.create(f, List.of(new SafetensorsWriter.Spec("a", Dtype.I32, 2, 1)), Map.of());
        w.writeRow(0, 0, new int[] {7});
        assertThatThrownBy(w::close).isInstanceOf(SafetensorsException.class)
                .hasMessageContaining("tensor a got 1 row writes for 2 rows");
    }

    @Test
    void readsAfterCloseAreErrors() {
        Path f = dir.resolve("closed.safetensors");
        try (SafetensorsWriter w = SafetensorsWriter.create(f, List.of(new SafetensorsWriter.Spec("a", Dtype.I32, 1)), Map.of())) {
            w.writeTensor("a", new int[] {1});
        }
        SafetensorsFile sf = SafetensorsFile.open(f);
        TensorView v = sf.tensor("a");
        sf.close();
        assertThatThrownBy(() -> v.readRow(0, new int[1])).isInstanceOf(IllegalStateException.class).hasMessageContaining("after close");
    }
}

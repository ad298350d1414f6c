package org.pocketsim.workload.safetensors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SafetensorsValidationTest {

    @TempDir
    Path dir;

    private Path raw(String json, int dataBytes, long declaredHeaderBytes) throws IOException {
        byte[] h = json.getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(8 + h.length + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(declaredHeaderBytes).put(h);
        Path f = dir.resolve("bad.safetensors");
        Files.write(f, b.array());
        return f;
    }

    private Path raw(String json, int dataBytes) throws IOException {
        return raw(json, dataBytes, json.getBytes(StandardCharsets.UTF_8).length);
    }

    @Test
    void headerLengthBeyondTheFileIsRejected() throws IOException {
        Path f = raw("{}", 0, 1000);
        assertThatThrownBy(() -> SafetensorsFile.open(f)).isInstanceOf(SafetensorsException.class)
                .hasMessage(f + ": header length 1000 is beyond the file of 10 bytes");
    }

    @Test
    void badJsonIsRejected() throws IOException {
        Path f = raw("{\"a\": [1,", 0);
        assertThatThrownBy(() -> SafetensorsFile.open(f)).hasMessageStartingWith(f + ": header is not valid JSON");
    }

    @Test
    void unknownDtypeIsRejectedNamingTheTensor() throws IOException {
        Path f = raw("{\"w\": {\"dtype\": \"F8_E4M3\", \"shape\": [2], \"data_offsets\": [0, 2]}}", 2);
        assertThatThrownBy(() -> SafetensorsFile.open(f))
                .hasMessage(f + ": tensor w: unknown dtype F8_E4M3 (supported: F16, BF16, F32, I32)");
    }

    @Test
    void overlappingOffsetsAreRejected() throws IOException {
        Path f = raw("{\"a\": {\"dtype\": \"F32\", \"shape\": [2], \"data_offsets\": [0, 8]},"
                + " \"b\": {\"dtype\": \"F32\", \"shape\": [1], \"data_offsets\": [4, 8]}}", 8);
        assertThatThrownBy(() -> SafetensorsFile.open(f))
                .hasMessage(f + ": tensor b bytes [4, 8) overlap tensor a [0, 8)");
    }

    @Test
    void offsetsOutsideTheDataAreRejected() throws IOException {
        Path f = raw("{\"a\": {\"dtype\": \"I32\", \"shape\": [4], \"data_offsets\": [0, 16]}}", 8);
        assertThatThrownBy(() -> SafetensorsFile.open(f))
                .hasMessage(f + ": tensor a: data_offsets [0, 16] outside the data buffer of 8 bytes");
    }

    @Test
    void shapeTimesDtypeSizeMustEqualTheByteRange() throws IOException {
        Path f = raw("{\"a\": {\"dtype\": \"F16\", \"shape\": [2, 3], \"data_offsets\": [0, 8]}}", 8);
        assertThatThrownBy(() -> SafetensorsFile.open(f))
                .hasMessage(f + ": tensor a: shape [2, 3] x F16 is 12 bytes but data_offsets span 8");
    }

    @Test
    void nonStringMetadataIsRejected() throws IOException {
        Path f = raw("{\"__metadata__\": {\"n\": 3}}", 0);
        assertThatThrownBy(() -> SafetensorsFile.open(f)).hasMessage(f + ": __metadata__.n is not a string");
    }
}

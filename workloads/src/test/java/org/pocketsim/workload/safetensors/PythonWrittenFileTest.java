package org.pocketsim.workload.safetensors;

import org.junit.jupiter.api.Test;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reads the fixture written by the reference Python library ({@code safetensors.torch.save_file},
 * committed by the capture tool's author): proves byte-level compatibility with the ecosystem.
 */
class PythonWrittenFileTest {

    @Test
    void readsEveryTensorOfTheFileWrittenByPythonSafetensors() throws URISyntaxException {
        URL url = getClass().getResource("/fixtures/python-written.safetensors");
        assertThat(url).as("fixture workloads/src/test/resources/fixtures/python-written.safetensors").isNotNull();
        try (SafetensorsFile sf = SafetensorsFile.open(Path.of(url.toURI()))) {
            assertThat(sf.metadata()).containsEntry("producer", "python-safetensors");
            assertThat(sf.header().find("f16").shape()).containsExactly(2, 3);
            assertThat(sf.header().find("bf16").dtype()).isEqualTo(Dtype.BF16);
            float[] three = new float[3];
            sf.tensor("f16").readRow(0, three);
            assertThat(three).containsExactly(-1f, -0.5f, 0f);
            sf.tensor("f16").readRow(1, three);
            assertThat(three).containsExactly(0.5f, 1f, 1.5f);
            float[] one = new float[1];
            float[] bf16 = new float[4];
            for (int i = 0; i < 4; i++) {
                sf.tensor("bf16").readRow(i, one);
                bf16[i] = one[0];
            }
            assertThat(bf16).containsExactly(1f, -2.5f, 3.140625f, 0f);
            float[] f32 = new float[3];
            for (int i = 0; i < 3; i++) {
                sf.tensor("f32").readRow(i, one);
                f32[i] = one[0];
            }
            assertThat(f32).containsExactly(1.5f, -0.25f, 0.001f);
            int[] two = new int[2];
            sf.tensor("i32").readRow(1, two);
            assertThat(two).containsExactly(3, 2147483647);
            sf.tensor("i32").readRow(0, two);
            assertThat(two).containsExactly(1, -2);
        }
    }
}

package org.pocketsim.kernel.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class VectorQuantFormatTest {

    @Test
    void vectorsCodeToNearestCodewordIncludingPartialTail() {
        VectorQuantFormat f = new VectorQuantFormat("vq", 1, 2, new float[] {0, 0, 1, 1});
        float[] src = {0.9f, 0.8f, 0.1f, -0.2f, 0.6f};
        int[] codes = new int[f.codeCount(5)];
        assertThat(codes).hasSize(3);
        f.encode(src, 0, 5, codes, new int[0]);
        assertThat(codes).containsExactly(1, 0, 1);
        float[] out = new float[5];
        f.decode(codes, new int[0], 5, out, 0);
        assertThat(out).containsExactly(1f, 1f, 0f, 0f, 1f);
        // 1 bit per 2 weights, plus the 2 x 2 FP16 codebook (64 bits) once per 2^24 weights
        assertThat(f.bitsPerElement()).isEqualTo(0.5 + 64.0 / (1 << 24));
    }

    @Test
    void kmeansRecoversTwoClusters() {
        float[] data = new float[200];
        for (int v = 0; v < 100; v++) {
            float c = v % 2 == 0 ? -2f : 3f;
            data[2 * v] = c + (v % 5 - 2) * 0.01f;
            data[2 * v + 1] = c;
        }
        float[] book = VectorQuantFormat.train("vq", 1, 2, data, 7, 5).codebook();
        float lo = Math.min(book[0], book[2]);
        float hi = Math.max(book[0], book[2]);
        assertThat(lo).isCloseTo(-2f, within(1e-5f));
        assertThat(hi).isCloseTo(3f, within(1e-5f));
    }

    @Test
    void codebookSizeIsValidated() {
        assertThatThrownBy(() -> new VectorQuantFormat("vq-x", 2, 2, new float[6]))
                .hasMessageContaining("vq-x").hasMessageContaining("codebook");
    }
}

package org.pocketsim.kernel.format;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * llama.cpp block types: bytes per block from the block structs of ggml-common.h computed by
 * hand, and the codes of llama.cpp's reference quantisers worked out by hand for small blocks.
 */
class GgmlFormatTest {

    private static GgmlFormat ggml(String name) {
        return (GgmlFormat) FormatRegistry.get(name);
    }

    @Test
    void bytesPerBlockFollowTheBlockStructs() {
        assertThat(ggml("q4_0").bytesPerBlock()).isEqualTo(2 + 32 / 2);             // d + nibbles = 18
        assertThat(ggml("q4_1").bytesPerBlock()).isEqualTo(2 + 2 + 32 / 2);         // d, m + nibbles = 20
        assertThat(ggml("q5_0").bytesPerBlock()).isEqualTo(2 + 4 + 32 / 2);         // d + qh + qs = 22
        assertThat(ggml("q5_1").bytesPerBlock()).isEqualTo(24);
        assertThat(ggml("q8_0").bytesPerBlock()).isEqualTo(2 + 32);                 // 34
        assertThat(ggml("q2_k").bytesPerBlock()).isEqualTo(256 / 16 + 256 / 4 + 4);   // 84
        assertThat(ggml("q3_k").bytesPerBlock()).isEqualTo(256 / 8 + 256 / 4 + 12 + 2); // 110
        assertThat(ggml("q4_k").bytesPerBlock()).isEqualTo(4 + 12 + 256 / 2);       // 144
        assertThat(ggml("q5_k").bytesPerBlock()).isEqualTo(4 + 12 + 256 / 8 + 256 / 2); // 176
        assertThat(ggml("q6_k").bytesPerBlock()).isEqualTo(256 / 2 + 256 / 4 + 256 / 16 + 2); // 210
        assertThat(ggml("iq4_xs").bytesPerBlock()).isEqualTo(2 + 2 + 256 / 64 + 256 / 2); // 136
        assertThat(ggml("iq4_nl").bytesPerBlock()).isEqualTo(2 + 32 / 2);            // d + nibbles = 18
        assertThat(ggml("q4_0").blockSize()).isEqualTo(32);
        assertThat(ggml("q6_k").blockSize()).isEqualTo(256);
    }

    @Test
    void bitsPerWeightIncludeTheScales() {
        assertThat(FormatRegistry.get("q4_0").bitsPerElement()).isEqualTo(4.5);
        assertThat(FormatRegistry.get("q8_0").bitsPerElement()).isEqualTo(8.5);
        assertThat(FormatRegistry.get("q4_k").bitsPerElement()).isEqualTo(4.5);
        assertThat(FormatRegistry.get("q5_k").bitsPerElement()).isEqualTo(5.5);
        assertThat(FormatRegistry.get("q6_k").bitsPerElement()).isEqualTo(6.5625);
        assertThat(FormatRegistry.get("iq4_xs").bitsPerElement()).isEqualTo(4.25);
    }

    @Test
    void rowsTheSuperBlockDoesNotDivideAreStoredInLlamaCppsFallbackTypes() {
        assertThat(GgmlFormat.storedAs("q4_k", 896)).isEqualTo("q5_0");      // Qwen2-0.5B's hidden
        assertThat(GgmlFormat.storedAs("q5_k", 896)).isEqualTo("q5_1");
        assertThat(GgmlFormat.storedAs("q6_k", 896)).isEqualTo("q8_0");
        assertThat(GgmlFormat.storedAs("iq4_xs", 896)).isEqualTo("iq4_nl");
        assertThat(GgmlFormat.storedAs("q3_k", 1152)).isEqualTo("iq4_nl");
        assertThat(GgmlFormat.storedAs("q4_k", 4864)).isEqualTo("q4_k");     // 19 x 256
        assertThat(GgmlFormat.storedAs("q4_k", 100)).isEqualTo("fp16");      // not even 32 divides it
        assertThat(GgmlFormat.storedAs("q4_0", 896)).isEqualTo("q4_0");
        assertThat(GgmlFormat.storedAs("int4-g128", 896)).isEqualTo("int4-g128");
    }

    @Test
    void rowBytesOfTheLlama2Matrices() {
        // a 4096 x 4096 q4_0 matrix: 4096 rows of 128 blocks of 18 bytes
        assertThat(4096 * ggml("q4_0").rowBytes(4096)).isEqualTo(9_437_184L);
        // the 32000 x 4096 q6_k output matrix: 16 super-blocks of 210 bytes per row
        assertThat(32000 * ggml("q6_k").rowBytes(4096)).isEqualTo(107_520_000L);
    }

    @Test
    void q4_0CodesMatchTheReferenceQuantiser() {
        // the largest magnitude is x[0] = -8, so d = -8 / -8 = 1 and q = min(15, (int8)(x + 8.5))
        float[] x = new float[32];
        for (int i = 0; i < 32; i++) x[i] = i % 2 == 0 ? -8f + i / 4f : 3.4f;
        int[] codes = new int[32];
        int[] meta = new int[1];
        GgmlFormat q4 = ggml("q4_0");
        q4.encode(x, 0, 32, codes, meta);
        assertThat(meta[0]).isEqualTo(0x3C00);                  // fp16 bits of 1.0
        assertThat(codes[0]).isZero();                           // -8 + 8.5 = 0.5 -> 0
        assertThat(codes[1]).isEqualTo(11);                      // 3.4 + 8.5 = 11.9 -> 11
        assertThat(codes[2]).isEqualTo(1);                       // -7.5 + 8.5 = 1.0 -> 1
        assertThat(codes[30]).isEqualTo(8);                      // -0.5 + 8.5 = 8.0 -> 8
        // byte j packs weight j (low nibble) and weight j + 16 (high nibble)
        byte[] qs = GgmlFormat.packQ4Nibbles(codes, 0);
        assertThat(qs[0] & 0xFF).isEqualTo(0x40);                // x[16] = -4 -> 4 high, x[0] -> 0 low
        assertThat(qs[1] & 0xFF).isEqualTo(0xBB);                // 11 and 11
        float[] back = new float[32];
        q4.decode(codes, meta, 32, back, 0);
        assertThat(back[0]).isEqualTo(-8f);
        assertThat(back[1]).isEqualTo(3f);                       // (11 - 8) * 1
    }

    @Test
    void q4_0OfAPositiveMaximumUsesANegativeScale() {
        // max = +16 -> d = -2: 16 * -0.5 + 8.5 = 0.5 -> 0, and -2 * -0.5 + 8.5 = 9.5 -> 9
        float[] x = new float[32];
        x[0] = 16f;
        x[1] = -2f;
        int[] codes = new int[32];
        int[] meta = new int[1];
        ggml("q4_0").encode(x, 0, 32, codes, meta);
        assertThat(meta[0]).isEqualTo(0xC000);                   // fp16 bits of -2.0
        assertThat(codes[0]).isZero();
        assertThat(codes[1]).isEqualTo(9);
        assertThat(codes[2]).isEqualTo(8);                       // 0 -> 8.5 -> 8
    }

    @Test
    void q8_0RoundsHalfAwayFromZero() {
        // amax 127 -> d = 1; roundf(2.5) = 3, roundf(-2.5) = -3
        float[] x = new float[32];
        x[0] = 127f;
        x[1] = 2.5f;
        x[2] = -2.5f;
        int[] codes = new int[32];
        int[] meta = new int[1];
        ggml("q8_0").encode(x, 0, 32, codes, meta);
        assertThat(meta[0]).isEqualTo(0x3C00);
        assertThat(codes[0]).isEqualTo(127);
        assertThat(codes[1]).isEqualTo(3);
        assertThat(codes[2]).isEqualTo(-3);
    }

    @Test
    void q4_1StoresTheMinimumAndSteps() {
        // min 1, max 16 -> d = 15 / 15 = 1, m = 1; x = 5.6 -> (4.6 + 0.5) = 5.1 -> 5; decodes to 6
        float[] x = new float[32];
        java.util.Arrays.fill(x, 1f);
        x[0] = 16f;
        x[1] = 5.6f;
        int[] codes = new int[32];
        int[] meta = new int[2];
        GgmlFormat q41 = ggml("q4_1");
        q41.encode(x, 0, 32, codes, meta);
        assertThat(meta).containsExactly(0x3C00, 0x3C00);
        assertThat(codes[0]).isEqualTo(15);
        assertThat(codes[1]).isEqualTo(5);
        float[] back = new float[32];
        q41.decode(codes, meta, 32, back, 0);
        assertThat(back[1]).isEqualTo(6f);
    }

    @Test
    void q5_0UsesThirtyTwoLevelsAroundSixteen() {
        // max = -16 -> d = 1: q = min(31, (int8)(x + 16.5)); 15.9 -> 32.4 -> 32 -> clipped to 31
        float[] x = new float[32];
        x[0] = -16f;
        x[1] = 15.9f;
        x[2] = 0.2f;
        int[] codes = new int[32];
        int[] meta = new int[1];
        GgmlFormat q5 = ggml("q5_0");
        q5.encode(x, 0, 32, codes, meta);
        assertThat(meta[0]).isEqualTo(0x3C00);
        assertThat(codes[0]).isZero();
        assertThat(codes[1]).isEqualTo(31);
        assertThat(codes[2]).isEqualTo(16);                      // 16.7 -> 16
        float[] back = new float[32];
        q5.decode(codes, meta, 32, back, 0);
        assertThat(back[1]).isEqualTo(15f);
    }

    @Test
    void superBlockTypesAreStorageOnly() {
        assertThat(ggml("q6_k").hasCodes()).isFalse();
        assertThatThrownBy(() -> ggml("q4_k").encode(new float[256], 0, 256, new int[256], new int[1]))
                .isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("storage only");
    }
}

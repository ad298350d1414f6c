package org.pocketsim.kernel.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Bits per weight of the compression formats, each from its layout counted by hand. */
class CompressedFormatBitsTest {

    private static double bits(String name) {
        return FormatRegistry.get(name).bitsPerElement();
    }

    @Test
    void vectorQuantisationCountsItsFp16CodebookOncePerGroup() {
        // vq-b8-d4: 8 bits per 4 weights = 2; codebook 256 x 4 FP16 = 16384 bits per 2^24 weights
        assertThat(bits("vq-b8-d4")).isEqualTo(2 + 16384.0 / 16777216);
        // vq-b4-d2 with a codebook per 4096 weights (GPTVQ-style small blocks): 16 x 2 x 16 = 512 bits
        assertThat(bits("vq-b4-d2-g4096")).isEqualTo(2 + 512.0 / 4096);
        // vq-b16-d8 (a single 2^16-entry book of 8-vectors): 2 + 65536*8*16 / 2^24 = 2.5
        assertThat(bits("vq-b16-d8")).isEqualTo(2.5);
        assertThat(bits("vq-b12-d4")).isEqualTo(3 + 4096 * 4 * 16.0 / 16777216);
    }

    @Test
    void e8pIsTwoBitsPlusItsTwoKibCodebookScaleAndSignVectorsPerMatrix() {
        // 16-bit code per 8 weights = 2; per 4096x4096: codebook 256*8 int8 = 16384 bits,
        // FP32 scale 32 bits, SU and SV 2 * 4096 FP16 = 131072 bits
        assertThat(bits("e8p")).isEqualTo(2 + (16384 + 32 + 131072) / 16777216.0);
        CompressedFormat.Bits parts = ((CompressedFormat) FormatRegistry.get("e8p")).bits();
        assertThat(parts.payload()).isEqualTo(2.0);
        assertThat(parts.codebooks()).isEqualTo(16384 / 16777216.0);
    }

    @Test
    void aqlmCountsCodesCodebooksAndRowScales() {
        // 1x16: 16 bits per 8 weights = 2; one book of 65536 x 8 FP16 = 8388608 bits per 2^24 = 0.5; row scale 16/4096
        assertThat(bits("aqlm-1x16")).isEqualTo(2 + 0.5 + 16.0 / 4096);
        // 2x8: 2 x 8 bits per 8 = 2; two books of 256 x 8 FP16 = 65536 bits per 2^24
        assertThat(bits("aqlm-2x8")).isEqualTo(2 + 65536.0 / 16777216 + 16.0 / 4096);
        // the same 1x16 book over a 4096 x 14336 matrix
        assertThat(bits("aqlm-1x16-g58720256")).isCloseTo(2 + 8388608.0 / 58720256 + 16.0 / 4096, within(1e-15));
    }

    @Test
    void spqrIsTheDenseGroupFormatPlusThirtyTwoBitOutliersAndRowPointers() {
        // int3-g128: 3 + 16/128; 1% outliers at 16-bit value + 16-bit column; 32-bit row pointer per 4096
        assertThat(bits("spqr-int3-g128-o1")).isCloseTo(3 + 0.125 + 0.01 * 32 + 32.0 / 4096, within(1e-15));
        assertThat(bits("spqr-int3-g128-o0.5")).isCloseTo(3 + 0.125 + 0.005 * 32 + 32.0 / 4096, within(1e-15));
    }

    @Test
    void nmSparsityStoresHalfTheValuesWithTheirPositionBits() {
        // 2:4 over int4-g128: half the weights at 4 + 16/128 bits, 2-bit position each
        assertThat(bits("2of4-int4-g128")).isEqualTo(0.5 * (4.125 + 2));
        assertThat(bits("2of4-int8-g128")).isEqualTo(0.5 * (8.125 + 2));
        // 4:8: 3-bit positions
        assertThat(bits("4of8-int4-g128")).isEqualTo(0.5 * (4.125 + 3));
        CompressedFormat.Bits parts = ((CompressedFormat) FormatRegistry.get("2of4-int4-g128")).bits();
        assertThat(parts.payload()).isEqualTo(2.0);
        assertThat(parts.scales()).isEqualTo(0.0625);
        assertThat(parts.indices()).isEqualTo(1.0);
    }

    @Test
    void ternaryPacksFiveTritsPerByteAsLlamaCppTq1() {
        // TQ1_0: 48 B of 5-trit bytes + 4 B + FP16 d = 54 B per 256 weights
        assertThat(bits("ternary-p5-g256")).isEqualTo(54 * 8 / 256.0);
        assertThat(bits("ternary-g256")).isEqualTo(2.0625);
        assertThat(bits("ternary-p5-g64")).isEqualTo((13 * 8 + 16) / 64.0);
    }

    @Test
    void lowBitGroupFormatsAndNf4() {
        assertThat(bits("int3-g128")).isEqualTo(3.125);
        assertThat(bits("int2-g128-asym")).isEqualTo(2 + 18.0 / 128);
        assertThat(bits("nf4")).isEqualTo(4.5);
    }

    @Test
    void storageOnlyFormatsRefuseToEncodeAndBadNamesAreClear() {
        assertThatThrownBy(() -> FormatRegistry.get("e8p").roundTrip(new float[8], new float[8], 0, 8))
                .hasMessageContaining("storage only");
        assertThatThrownBy(() -> FormatRegistry.get("4of4-int4")).hasMessageContaining("N:M");
        assertThatThrownBy(() -> FormatRegistry.get("vq-b17-d8")).hasMessageContaining("b = 16");
    }
}

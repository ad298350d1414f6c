package org.pocketsim.kernel.compress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.pocketsim.kernel.compress.DecodeOp.ACCUMULATE;
import static org.pocketsim.kernel.compress.DecodeOp.ADD;
import static org.pocketsim.kernel.compress.DecodeOp.GATHER;
import static org.pocketsim.kernel.compress.DecodeOp.LUT;
import static org.pocketsim.kernel.compress.DecodeOp.MAC;
import static org.pocketsim.kernel.compress.DecodeOp.SCALE;
import static org.pocketsim.kernel.compress.DecodeOp.UNPACK;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Decode work per weight of each format, counted by hand from its layout. */
class DecodeWorksTest {

    @Test
    void denseFormatsMultiplyAndUnpackBelowEightBits() {
        assertThat(DecodeWorks.of("fp16").nonZero()).isEqualTo(Map.of(MAC, 1.0));
        assertThat(DecodeWorks.of("int8").nonZero()).isEqualTo(Map.of(MAC, 1.0));
        assertThat(DecodeWorks.of("int4-g128").nonZero()).containsExactly(
                Map.entry(MAC, 1.0), Map.entry(UNPACK, 1.0), Map.entry(SCALE, 1 / 128.0));
        assertThat(DecodeWorks.of("nf4").nonZero()).containsExactly(
                Map.entry(MAC, 1.0), Map.entry(UNPACK, 1.0), Map.entry(SCALE, 1 / 64.0), Map.entry(LUT, 1.0));
    }

    @Test
    void vectorQuantisationLooksUpSmallBooksInRegistersAndLoadsCodewordsOfLargeOnes() {
        // vq-b4-d2: 16 x 2 FP16 = 64 B fits a four-register TBL table
        assertThat(DecodeWorks.of("vq-b4-d2").nonZero()).containsExactly(
                Map.entry(MAC, 1.0), Map.entry(UNPACK, 0.5), Map.entry(LUT, 1.0));
        // vq-b8-d4: 256 x 4 FP16 = 2 KiB: one codeword load per index of 4 weights
        assertThat(DecodeWorks.of("vq-b8-d4").nonZero()).containsExactly(
                Map.entry(MAC, 1.0), Map.entry(UNPACK, 0.25), Map.entry(GATHER, 0.25));
    }

    @Test
    void latticeAndAdditiveCodebooks() {
        assertThat(DecodeWorks.of("e8p").nonZero()).containsExactly(
                Map.entry(MAC, 1.0), Map.entry(UNPACK, 0.125), Map.entry(GATHER, 0.125), Map.entry(ADD, 2.0));
        assertThat(DecodeWorks.of("aqlm-2x8").nonZero()).containsExactly(
                Map.entry(MAC, 1.0), Map.entry(UNPACK, 0.25), Map.entry(SCALE, 1 / 4096.0), Map.entry(GATHER, 0.25),
                Map.entry(ADD, 1.0));
        assertThat(DecodeWorks.of("aqlm-1x16").per(ADD)).isEqualTo(0.0);
    }

    @Test
    void sparseFormatsMultiplyOnlyWhatTheyKeep() {
        assertThat(DecodeWorks.of("2of4-int4-g128").nonZero()).containsExactly(
                Map.entry(MAC, 0.5), Map.entry(UNPACK, 1.0), Map.entry(SCALE, 0.5 / 128), Map.entry(GATHER, 0.5));
        assertThat(DecodeWorks.of("spqr-int3-g128-o1").nonZero()).containsExactly(
                Map.entry(MAC, 1.01), Map.entry(UNPACK, 1.01), Map.entry(SCALE, 1 / 128.0), Map.entry(GATHER, 0.01));
    }

    @Test
    void ternaryAddsInsteadOfMultiplying() {
        assertThat(DecodeWorks.of("ternary-g256").nonZero()).containsExactly(
                Map.entry(UNPACK, 1.0), Map.entry(SCALE, 1 / 256.0), Map.entry(ACCUMULATE, 1.0));
        assertThat(DecodeWorks.of("ternary-p5-g256").per(LUT)).isEqualTo(1.0);
        assertThat(DecodeWorks.of("ternary-p5-g256").per(MAC)).isEqualTo(0.0);
    }
}

package org.pocketsim.workload.safetensors;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HalfFloatsTest {

    @Test
    void everyFp16BitPatternSurvivesDecodeThenEncode() {
        for (int h = 0; h < 1 << 16; h++) {
            assertThat(HalfFloats.floatToFp16(HalfFloats.fp16ToFloat((short) h)) & 0xFFFF).as("pattern %04x", h).isEqualTo(h);
        }
    }

    @Test
    void everyBf16BitPatternSurvivesDecodeThenEncode() {
        for (int h = 0; h < 1 << 16; h++) {
            assertThat(HalfFloats.floatToBf16(HalfFloats.bf16ToFloat((short) h)) & 0xFFFF).as("pattern %04x", h).isEqualTo(h);
        }
    }

    @Test
    void fp16DecodesSubnormalsInfinitiesAndNaN() {
        assertThat(HalfFloats.fp16ToFloat((short) 0x0001)).isEqualTo(0x1p-24f);
        assertThat(HalfFloats.fp16ToFloat((short) 0x03FF)).isEqualTo(1023 * 0x1p-24f);
        assertThat(HalfFloats.fp16ToFloat((short) 0x8001)).isEqualTo(-0x1p-24f);
        assertThat(HalfFloats.fp16ToFloat((short) 0x7BFF)).isEqualTo(65504f);
        assertThat(HalfFloats.fp16ToFloat((short) 0x7C00)).isEqualTo(Float.POSITIVE_INFINITY);
        assertThat(HalfFloats.fp16ToFloat((short) 0xFC00)).isEqualTo(Float.NEGATIVE_INFINITY);
        assertThat(HalfFloats.fp16ToFloat((short) 0x7E00)).isNaN();
        assertThat(HalfFloats.fp16ToFloat((short) 0x3C00)).isEqualTo(1f);
        assertThat(HalfFloats.fp16ToFloat((short) 0xB800)).isEqualTo(-0.5f);
    }

    @Test
    void fp16EncodingRoundsToNearestEvenAndOverflowsToInfinity() {
        assertThat(HalfFloats.floatToFp16(1f + 0x1p-11f)).isEqualTo((short) 0x3C00);
        assertThat(HalfFloats.floatToFp16(1f + 3 * 0x1p-11f)).isEqualTo((short) 0x3C02);
        assertThat(HalfFloats.floatToFp16(1f + 0x1p-11f + 0x1p-20f)).isEqualTo((short) 0x3C01);
        assertThat(HalfFloats.floatToFp16(65520f)).isEqualTo((short) 0x7C00);
        assertThat(HalfFloats.floatToFp16(65519f)).isEqualTo((short) 0x7BFF);
        assertThat(HalfFloats.floatToFp16(0x1p-25f)).isEqualTo((short) 0x0000);
        assertThat(HalfFloats.floatToFp16(0x1.8p-25f)).isEqualTo((short) 0x0001);
        assertThat(HalfFloats.floatToFp16(0.001f)).isEqualTo((short) 0x1419);
        assertThat(HalfFloats.floatToFp16(Float.NaN) & 0x7C00).isEqualTo(0x7C00);
        assertThat(HalfFloats.floatToFp16(Float.NaN) & 0x03FF).isNotZero();
    }

    @Test
    void bf16EncodingRoundsToNearestEven() {
        assertThat(HalfFloats.floatToBf16(3.14159265f)).isEqualTo((short) 0x4049);
        assertThat(HalfFloats.bf16ToFloat((short) 0x4049)).isEqualTo(3.140625f);
        assertThat(HalfFloats.floatToBf16(Float.intBitsToFloat(0x3F808000))).isEqualTo((short) 0x3F80);
        assertThat(HalfFloats.floatToBf16(Float.intBitsToFloat(0x3F818000))).isEqualTo((short) 0x3F82);
        assertThat(HalfFloats.floatToBf16(Float.NEGATIVE_INFINITY)).isEqualTo((short) 0xFF80);
        assertThat(HalfFloats.bf16ToFloat(HalfFloats.floatToBf16(Float.NaN))).isNaN();
    }
}

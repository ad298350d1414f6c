package org.pocketsim.kernel.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;

/** Group-scaled formats: integer groups, NF4, ternary. */
class GroupFormatsTest {

    @Test
    void symmetricInt4GroupStoresFp16ScaleOfAbsmaxOverSeven() {
        GroupIntFormat f = (GroupIntFormat) FormatRegistry.get("int4-g128");
        float[] src = new float[128];
        src[0] = 7f;
        src[1] = 2.5f;
        src[2] = -3.4f;
        int[] codes = new int[128];
        int[] meta = new int[1];
        f.encode(src, 0, 128, codes, meta);
        assertThat(meta[0]).isEqualTo(0x3C00);
        assertThat(codes[0]).isEqualTo(7);
        assertThat(codes[1]).isEqualTo(2);
        assertThat(codes[2]).isEqualTo(0xD);
        float[] out = new float[128];
        f.decode(codes, meta, 128, out, 0);
        assertThat(out[2]).isEqualTo(-3f);
    }

    @Test
    void asymmetricGroupUsesZeroPoint() {
        GroupIntFormat f = (GroupIntFormat) FormatRegistry.get("int4-g4-asym");
        float[] src = {-3f, 12f, 0.4f, 5.5f};
        int[] codes = new int[4];
        int[] meta = new int[2];
        f.encode(src, 0, 4, codes, meta);
        // scale = (12 - -3) / 15 = 1 (FP16 0x3C00), zp = 3.
        assertThat(meta).containsExactly(0x3C00, 3);
        assertThat(codes).containsExactly(0, 15, 3, 8);
        float[] out = new float[4];
        f.decode(codes, meta, 4, out, 0);
        assertThat(out).containsExactly(-3f, 12f, 0f, 5f);
    }

    @Test
    void groupBitsIncludeScaleAndZeroPoint() {
        assertThat(FormatRegistry.get("int4-g128").bitsPerElement()).isEqualTo(4.125);
        assertThat(FormatRegistry.get("int4-g32").bitsPerElement()).isEqualTo(4.5);
        assertThat(FormatRegistry.get("int4-g128-asym").bitsPerElement()).isEqualTo(4 + 20.0 / 128);
        assertThat(FormatRegistry.get("int8-g64").bitsPerElement()).isEqualTo(8.25);
        assertThat(FormatRegistry.get("nf4").bitsPerElement()).isEqualTo(4.5);
        assertThat(FormatRegistry.get("ternary-g256").bitsPerElement()).isEqualTo(2.0625);
        assertThat(FormatRegistry.get("vq-b8-d4").bitsPerElement()).isEqualTo(2 + 256 * 4 * 16.0 / (1 << 24));
    }

    @Test
    void nf4TableIsTheQloraNormalQuantileConstruction() {
        // bitsandbytes create_normal_map(offset = 0.9677083, use_extra_value = True):
        // 8 positive quantiles of linspace(offset, .5, 9)[:-1], 7 negative of linspace(offset, .5, 8)[:-1], 0.
        NormalDistribution n = new NormalDistribution();
        double offset = 0.9677083;
        double max = n.inverseCumulativeProbability(offset);
        for (int i = 0; i < 8; i++) {
            double p = offset + (0.5 - offset) * i / 8.0;
            assertThat(Nf4Format.level(15 - i)).isCloseTo(n.inverseCumulativeProbability(p) / max, within(1e-6));
        }
        for (int i = 0; i < 7; i++) {
            double p = offset + (0.5 - offset) * i / 7.0;
            assertThat(Nf4Format.level(i)).isCloseTo(-n.inverseCumulativeProbability(p) / max, within(1e-6));
        }
        assertThat(Nf4Format.level(7)).isZero();
    }

    @Test
    void nf4CodesNearestLevelOfValueOverAbsmax() {
        Nf4Format f = (Nf4Format) FormatRegistry.get("nf4-g4");
        float[] src = {-2f, 1.1f, 0.05f, 0.9f};
        int[] codes = new int[4];
        int[] meta = new int[1];
        f.encode(src, 0, 4, codes, meta);
        // absmax 2: values -1, .55, .025, .45 -> levels 0, 13 (.5626; midpoint .5017), 7 (0), 12 (.4407).
        assertThat(codes).containsExactly(0, 13, 7, 12);
        assertThat(Float.intBitsToFloat(meta[0])).isEqualTo(2f);
        float[] out = new float[4];
        f.decode(codes, meta, 4, out, 0);
        assertThat(out[1]).isEqualTo((float) (2 * 0.5626170039176941));
    }

    @Test
    void ternaryUsesAbsmeanScaleAndClampsToOne() {
        TernaryFormat f = (TernaryFormat) FormatRegistry.get("ternary-g4");
        float[] src = {0.5f, -1.5f, 0.1f, 2.0f};
        int[] codes = new int[4];
        int[] meta = new int[1];
        f.encode(src, 0, 4, codes, meta);
        // mean |x| = 1.025 -> FP16 1.025390625 (0x3C1A); codes 0, -1, 0, +1 (clamped from 2).
        assertThat(meta[0]).isEqualTo(0x3C1A);
        assertThat(codes).containsExactly(0, 3, 0, 1);
        float[] out = new float[4];
        f.roundTrip(src, out, 0, 4);
        assertThat(out).containsExactly(0f, -1.025390625f, 0f, 1.025390625f);
    }
}

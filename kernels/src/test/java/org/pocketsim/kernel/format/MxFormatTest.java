package org.pocketsim.kernel.format;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MxFormatTest {

    private static float[] block(float... head) {
        float[] b = new float[32];
        System.arraycopy(head, 0, b, 0, head.length);
        return b;
    }

    @Test
    void sharedExponentIsFloorLog2OfMaxMinusElementEmax() {
        MxFormat mxfp4 = (MxFormat) FormatRegistry.get("mxfp4");
        MxFormat mxfp8 = (MxFormat) FormatRegistry.get("mxfp8");
        MxFormat e5m2 = (MxFormat) FormatRegistry.get("mxfp8-e5m2");
        MxFormat mxint8 = (MxFormat) FormatRegistry.get("mxint8");
        assertThat(mxfp4.emaxElem()).isEqualTo(2);
        assertThat(mxfp8.emaxElem()).isEqualTo(8);
        assertThat(e5m2.emaxElem()).isEqualTo(15);
        assertThat(((MxFormat) FormatRegistry.get("mxfp6-e2m3")).emaxElem()).isEqualTo(2);
        assertThat(((MxFormat) FormatRegistry.get("mxfp6-e3m2")).emaxElem()).isEqualTo(4);
        assertThat(mxint8.emaxElem()).isZero();
        // max |x| = 3: floor(log2 3) = 1; 1 - 2 = -1 -> E8M0 code 126 (X = 0.5).
        assertThat(mxfp4.scaleCode(block(3f, -1f), 0, 32)).isEqualTo(126);
        // max |x| = 1000: floor(log2 1000) = 9; 9 - 8 = 1 -> code 128 (X = 2).
        assertThat(mxfp8.scaleCode(block(1000f), 0, 32)).isEqualTo(128);
        // max |x| = 0.75: floor(log2 .75) = -1; -1 - 15 = -16 -> code 111.
        assertThat(e5m2.scaleCode(block(0.75f), 0, 32)).isEqualTo(111);
        assertThat(mxint8.scaleCode(block(1.0f), 0, 32)).isEqualTo(127);
        assertThat(mxfp4.scaleCode(new float[32], 0, 32)).isZero();
        assertThat(mxfp4.scaleCode(block(1e-45f), 0, 32)).isEqualTo(0);
        assertThat(mxfp4.scaleCode(block(Float.NaN), 0, 32)).isEqualTo(MxFormat.SCALE_NAN);
    }

    @Test
    void elementsAreScaledRoundedAndSaturated() {
        MxFormat mxfp4 = (MxFormat) FormatRegistry.get("mxfp4");
        int[] codes = new int[32];
        int[] meta = new int[1];
        mxfp4.encode(block(3f, 1f, -0.3f, 1.25f), 0, 32, codes, meta);
        // X = 0.5: 3 -> 6 (0b0111), 1 -> 2 (0b0100), -0.3 -> -0.6 -> -0.5 (0b1001), 1.25 -> 2.5 ties to 2.
        assertThat(codes[0]).isEqualTo(0b0111);
        assertThat(codes[1]).isEqualTo(0b0100);
        assertThat(codes[2]).isEqualTo(0b1001);
        assertThat(codes[3]).isEqualTo(0b0100);
        float[] out = new float[32];
        mxfp4.decode(codes, meta, 32, out, 0);
        assertThat(out[0]).isEqualTo(3f);
        assertThat(out[2]).isEqualTo(-0.25f);
        assertThat(out[3]).isEqualTo(1f);

        MxFormat mxfp8 = (MxFormat) FormatRegistry.get("mxfp8");
        float[] rt = new float[32];
        mxfp8.roundTrip(block(1000f, 3f), rt, 0, 32);
        // X = 2: 1000/2 = 500 saturates to 448 -> 896; 3/2 = 1.5 exact -> 3.
        assertThat(rt[0]).isEqualTo(896f);
        assertThat(rt[1]).isEqualTo(3f);
    }

    @Test
    void mxint8ElementsCarryAnImplicitTwoToTheMinusSix() {
        MxFormat mxint8 = (MxFormat) FormatRegistry.get("mxint8");
        int[] codes = new int[32];
        int[] meta = new int[1];
        mxint8.encode(block(1.0f, 0.5f, -1.0f, 0.01f), 0, 32, codes, meta);
        assertThat(meta[0]).isEqualTo(127);
        assertThat(codes[0]).isEqualTo(64);
        assertThat(codes[1]).isEqualTo(32);
        assertThat(codes[2]).isEqualTo(0xC0);
        assertThat(codes[3]).isEqualTo(1);
        float[] out = new float[32];
        mxint8.decode(codes, meta, 32, out, 0);
        assertThat(out[2]).isEqualTo(-1f);
        assertThat(out[3]).isEqualTo(0.015625f);
    }

    @Test
    void nanBlockDecodesToNanAndPartialTailBlockGetsItsOwnScale() {
        MxFormat mxfp8 = (MxFormat) FormatRegistry.get("mxfp8");
        float[] src = new float[40];
        src[0] = Float.NaN;
        src[33] = 0.75f;
        int[] codes = new int[40];
        int[] meta = new int[mxfp8.metaCount(40)];
        assertThat(meta).hasSize(2);
        mxfp8.encode(src, 0, 40, codes, meta);
        assertThat(meta[0]).isEqualTo(0xFF);
        assertThat(meta[1]).isEqualTo(127 - 1 - 8);
        float[] out = new float[40];
        mxfp8.decode(codes, meta, 40, out, 0);
        assertThat(out[5]).isNaN();
        assertThat(out[33]).isEqualTo(0.75f);
    }

    @Test
    void bitsPerElementIncludeTheSharedScale() {
        assertThat(FormatRegistry.get("mxfp4").bitsPerElement()).isEqualTo(4.25);
        assertThat(FormatRegistry.get("mxfp6-e2m3").bitsPerElement()).isEqualTo(6.25);
        assertThat(FormatRegistry.get("mxfp8").bitsPerElement()).isEqualTo(8.25);
        assertThat(FormatRegistry.get("mxfp8-e5m2").bitsPerElement()).isEqualTo(8.25);
        assertThat(FormatRegistry.get("mxint8").bitsPerElement()).isEqualTo(8.25);
    }

    @Test
    void scaleValueIsPowerOfTwoWithBias127() {
        assertThat(MxFormat.scaleValue(127)).isEqualTo(1.0);
        assertThat(MxFormat.scaleValue(0)).isEqualTo(Math.pow(2, -127));
        assertThat(MxFormat.scaleValue(254)).isEqualTo(Math.pow(2, 127));
        assertThat(MxFormat.scaleValue(0xFF)).isNaN();
    }
}

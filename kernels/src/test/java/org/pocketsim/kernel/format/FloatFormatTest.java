package org.pocketsim.kernel.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FloatFormatTest {
    private final FloatFormat e4m3 = (FloatFormat) FormatRegistry.get("fp8-e4m3");
    private final FloatFormat e5m2 = (FloatFormat) FormatRegistry.get("fp8-e5m2");
    private final FloatFormat e4m3NoSat = (FloatFormat) FormatRegistry.get("fp8-e4m3-nosat");
    private final FloatFormat e5m2NoSat = (FloatFormat) FormatRegistry.get("fp8-e5m2-nosat");

    /** OCP 8-bit FP spec formula: normal (-1)^S 2^(E-bias) (1 + M/2^m), subnormal (-1)^S 2^(1-bias) (M/2^m). */
    private static double ocpValue(int code, int m, int bias, boolean e4m3) {
        int s = (code >> 7) & 1;
        int e = (code >> m) & ((1 << (7 - m)) - 1);
        int man = code & ((1 << m) - 1);
        int eMax = (1 << (7 - m)) - 1;
        if (e4m3 && e == eMax && man == (1 << m) - 1) {
            return Double.NaN;
        }
        if (!e4m3 && e == eMax) {
            return man == 0 ? (s == 1 ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY) : Double.NaN;
        }
        double sign = s == 1 ? -1 : 1;
        double frac = man / Math.pow(2, m);
        return e == 0 ? sign * Math.pow(2, 1 - bias) * frac : sign * Math.pow(2, e - bias) * (1 + frac);
    }

    @Test
    void allE4m3CodesDecodeToOcpSpecValues() {
        for (int c = 0; c < 256; c++) {
            assertThat(Double.valueOf(e4m3.decode(c))).as("code 0x%02X", c).isEqualTo(Double.valueOf(ocpValue(c, 3, 7, true)));
        }
    }

    @Test
    void allE5m2CodesDecodeToOcpSpecValues() {
        for (int c = 0; c < 256; c++) {
            assertThat(Double.valueOf(e5m2.decode(c))).as("code 0x%02X", c).isEqualTo(Double.valueOf(ocpValue(c, 2, 15, false)));
        }
    }

    @Test
    void e4m3HandPinnedCodes() {
        assertThat(e4m3.decode(0x7E)).isEqualTo(448.0);
        assertThat(e4m3.decode(0xFE)).isEqualTo(-448.0);
        assertThat(e4m3.decode(0x08)).isEqualTo(Math.pow(2, -6));
        assertThat(e4m3.decode(0x01)).isEqualTo(Math.pow(2, -9));
        assertThat(e4m3.decode(0x38)).isEqualTo(1.0);
        assertThat(e4m3.decode(0x7F)).isNaN();
        assertThat(e4m3.decode(0xFF)).isNaN();
        assertThat(e4m3.decode(0x78)).isEqualTo(256.0);
        assertThat(e4m3.maxFinite()).isEqualTo(448.0);
    }

    @Test
    void e5m2HandPinnedCodes() {
        assertThat(e5m2.decode(0x7B)).isEqualTo(57344.0);
        assertThat(e5m2.decode(0x7C)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(e5m2.decode(0xFC)).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(e5m2.decode(0x7D)).isNaN();
        assertThat(e5m2.decode(0x01)).isEqualTo(Math.pow(2, -16));
        assertThat(e5m2.decode(0x04)).isEqualTo(Math.pow(2, -14));
        assertThat(e5m2.decode(0x3C)).isEqualTo(1.0);
        assertThat(e5m2.maxFinite()).isEqualTo(57344.0);
    }

    @Test
    void encodeOfDecodeIsIdentityForAllFiniteCodes() {
        for (FloatFormat f : new FloatFormat[] {e4m3, e5m2, e4m3NoSat, e5m2NoSat}) {
            for (int c = 0; c < 256; c++) {
                double v = f.decode(c);
                if (!Double.isNaN(v) && !Double.isInfinite(v)) {
                    assertThat(f.encode(v)).as("%s code 0x%02X", f.name(), c).isEqualTo(c);
                }
            }
        }
    }

    @Test
    void encodeOfDecodeIsIdentityForEverySmallFormatCode() {
        for (String name : new String[] {"fp8-e2m5", "fp8-e3m4", "fp6-e2m3", "fp6-e3m2", "fp4-e2m1"}) {
            FloatFormat f = (FloatFormat) FormatRegistry.get(name);
            for (int c = 0; c < (1 << f.bits()); c++) {
                assertThat(f.encode(f.decode(c))).as("%s code %d", name, c).isEqualTo(c);
            }
        }
    }

    @Test
    void mxElementFormatsHaveTheOcpValueSets() {
        FloatFormat e2m1 = (FloatFormat) FormatRegistry.get("fp4-e2m1");
        double[] fp4 = {0, 0.5, 1, 1.5, 2, 3, 4, 6};
        for (int c = 0; c < 8; c++) {
            assertThat(e2m1.decode(c)).as("E2M1 %d", c).isEqualTo(fp4[c]);
            assertThat(e2m1.decode(c | 8)).isEqualTo(-fp4[c]);
        }
        FloatFormat e2m3 = (FloatFormat) FormatRegistry.get("fp6-e2m3");
        FloatFormat e3m2 = (FloatFormat) FormatRegistry.get("fp6-e3m2");
        assertThat(e2m3.maxFinite()).isEqualTo(7.5);
        assertThat(e2m3.decode(0x01)).isEqualTo(0.125);
        assertThat(e3m2.maxFinite()).isEqualTo(28.0);
        assertThat(e3m2.decode(0x01)).isEqualTo(0.0625);
    }

    @Test
    void tiesRoundToEven() {
        // E4M3 around 1: spacing 1/8. 1 + 1/16 is halfway between 1.0 (even mantissa 0) and 1.125.
        assertThat(e4m3.decode(e4m3.encode(1.0625))).isEqualTo(1.0);
        // 1.1875 is halfway between 1.125 (mantissa 1, odd) and 1.25 (mantissa 2, even).
        assertThat(e4m3.decode(e4m3.encode(1.1875))).isEqualTo(1.25);
        assertThat(e4m3.decode(e4m3.encode(-1.1875))).isEqualTo(-1.25);
        // Subnormal E4M3: spacing 2^-9; 1.5 * 2^-9 ties to 2 * 2^-9, 0.5 * 2^-9 ties to 0.
        assertThat(e4m3.decode(e4m3.encode(1.5 * Math.pow(2, -9)))).isEqualTo(Math.pow(2, -8));
        assertThat(e4m3.encode(0.5 * Math.pow(2, -9))).isEqualTo(0x00);
        // E5M2 around 1: spacing 1/4; 1.125 ties to 1.0, 1.375 ties to 1.5.
        assertThat(e5m2.decode(e5m2.encode(1.125))).isEqualTo(1.0);
        assertThat(e5m2.decode(e5m2.encode(1.375))).isEqualTo(1.5);
        // Just above a tie rounds up.
        assertThat(e4m3.decode(e4m3.encode(1.0625 + 1e-9))).isEqualTo(1.125);
        // FP4 E2M1 levels 0, .5, 1, 1.5, 2, 3, 4, 6: 2.5 ties to 2 (even), 5 ties to 4.
        FloatFormat e2m1 = (FloatFormat) FormatRegistry.get("fp4-e2m1");
        assertThat(e2m1.decode(e2m1.encode(2.5))).isEqualTo(2.0);
        assertThat(e2m1.decode(e2m1.encode(5.0))).isEqualTo(4.0);
        assertThat(e2m1.decode(e2m1.encode(0.25))).isEqualTo(0.0);
    }

    @Test
    void saturatingConversionClampsToMaxFinite() {
        assertThat(e4m3.encode(1e6)).isEqualTo(0x7E);
        assertThat(e4m3.encode(-500)).isEqualTo(0xFE);
        assertThat(e4m3.encode(Double.POSITIVE_INFINITY)).isEqualTo(0x7E);
        assertThat(e5m2.encode(1e6)).isEqualTo(0x7B);
        assertThat(((FloatFormat) FormatRegistry.get("fp4-e2m1")).encode(100)).isEqualTo(0x7);
    }

    @Test
    void nonSaturatingOverflowGivesNanForE4m3AndInfinityForE5m2() {
        // E4M3: 464 is the midpoint of 448 and the (NaN) 480 slot and rounds to even, 448.
        assertThat(e4m3NoSat.encode(464)).isEqualTo(0x7E);
        assertThat(e4m3NoSat.encode(465)).isEqualTo(0x7F);
        assertThat(e4m3NoSat.encode(-1e6)).isEqualTo(0xFF);
        // E5M2: 61440 is the midpoint of 57344 and 65536; the tie goes to even, i.e. overflow.
        assertThat(e5m2NoSat.encode(61439)).isEqualTo(0x7B);
        assertThat(e5m2NoSat.encode(61440)).isEqualTo(0x7C);
        assertThat(e5m2NoSat.encode(Double.NEGATIVE_INFINITY)).isEqualTo(0xFC);
    }

    @Test
    void signedZeroAndNanKeepTheirCodes() {
        assertThat(e4m3.encode(-0.0)).isEqualTo(0x80);
        assertThat(e4m3.encode(0.0)).isEqualTo(0x00);
        assertThat(e4m3.encode(Double.NaN)).isEqualTo(0xFF);
        assertThat(e5m2.encode(Double.NaN)).isEqualTo(0xFF);
        assertThatThrownBy(() -> ((FloatFormat) FormatRegistry.get("fp4-e2m1")).encode(Double.NaN))
                .hasMessageContaining("fp4-e2m1");
    }

    @Test
    void wideFormatsAreBitExactAgainstTheJdk() {
        FloatFormat fp32 = (FloatFormat) FormatRegistry.get("fp32");
        FloatFormat fp16 = (FloatFormat) FormatRegistry.get("fp16");
        FloatFormat bf16 = (FloatFormat) FormatRegistry.get("bf16");
        float[] samples = {1.0f, -2.5f, 3.1415927f, 1e-40f, Float.MIN_VALUE, Float.MAX_VALUE, 65504f, 6.1e-5f, 1e30f};
        for (float x : samples) {
            assertThat(fp32.encode(x)).as("fp32 %s", x).isEqualTo(Float.floatToRawIntBits(x));
            assertThat(fp32.decode(Float.floatToRawIntBits(x))).isEqualTo((double) x);
            // BF16 is the top half of FP32 after round-to-nearest-even of the low 16 bits.
            int b = Float.floatToRawIntBits(x);
            int expected = ((b + 0x7FFF + ((b >> 16) & 1)) >>> 16) & 0xFFFF;
            assertThat(bf16.encode(x)).as("bf16 %s", x).isEqualTo(expected);
        }
        float[] halfInputs = {1.0f, -2.5f, 3.1415927f, 65504f, 6.1e-5f, 1e30f, 1e-40f};
        int[] halfCodes = {0x3C00, 0xC100, 0x4248, 0x7BFF, 0x03FF, 0x7C00, 0x0000};
        for (int i = 0; i < halfInputs.length; i++) {
            assertThat(fp16.encode(halfInputs[i])).as("fp16 %s", halfInputs[i]).isEqualTo(halfCodes[i]);
        }
        assertThat(fp16.maxFinite()).isEqualTo(65504.0);
        assertThat(fp16.encode(1e6)).isEqualTo(0x7C00);
    }

    @Test
    void constructorRejectsImpossibleWidths() {
        assertThatThrownBy(() -> FloatFormat.of("bad", 9, 3, Specials.IEEE, true))
                .hasMessageContaining("bad").hasMessageContaining("exponentBits");
        assertThatThrownBy(() -> FloatFormat.of("bad2", 4, 0, Specials.FN, true))
                .hasMessageContaining("bad2");
    }
}

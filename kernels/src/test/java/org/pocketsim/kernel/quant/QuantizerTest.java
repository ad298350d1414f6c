package org.pocketsim.kernel.quant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.pocketsim.kernel.format.FormatRegistry;
import org.pocketsim.kernel.format.ScalarFormat;

class QuantizerTest {
    private final ScalarFormat int4 = FormatRegistry.scalar("int4");

    @Test
    void perTensorAbsmaxInt4UsesScaleAbsmaxOverSeven() {
        float[] x = {7f, -3.4f, 1.5f, 2.5f};
        float[] q = new float[4];
        Quantizer.absmax(int4).quantizeDequantize(x, q);
        assertThat(q).containsExactly(7f, -3f, 2f, 2f);
    }

    @Test
    void perChannelAndPerGroupScaleEachSegmentSeparately() {
        float[] x = {14f, 1f, 7f, 0.6f};
        float[] q = new float[4];
        new Quantizer(int4, Granularity.perChannel(), RangeSetting.ABSMAX, ScaleRule.REAL).quantizeDequantize(x, 2, 2, q);
        // Row 0 scale 2: 14 -> 14, 1 -> 0.5 ties to 0. Row 1 scale 1: 7, 0.6 -> 1.
        assertThat(q).containsExactly(14f, 0f, 7f, 1f);
        float[] g = {14f, 1f, 7f, 0.6f, 3.5f, 1f};
        float[] qg = new float[6];
        new Quantizer(int4, Granularity.perGroup(2), RangeSetting.ABSMAX, ScaleRule.REAL).quantizeDequantize(g, 1, 6, qg);
        // Groups (14, 1) s=2, (7, .6) s=1, (3.5, 1) s=.5: 1 -> 2 levels -> 1.
        assertThat(qg).containsExactly(14f, 0f, 7f, 1f, 3.5f, 1f);
    }

    @Test
    void asymmetricGridMapsMinToZeroCode() {
        float[] x = {-1f, 14f, 2.2f};
        float[] q = new float[3];
        Quantizer.absmax(FormatRegistry.scalar("int4-asym")).quantizeDequantize(x, q);
        // scale (14 - -1) / 15 = 1, zero point 1.
        assertThat(q).containsExactly(-1f, 14f, 2f);
    }

    @Test
    void powerOfTwoScaleCoversTheRange() {
        float[] x = {5f, 1f};
        float[] q = new float[2];
        new Quantizer(int4, Granularity.perTensor(), RangeSetting.ABSMAX, ScaleRule.POWER_OF_TWO).quantizeDequantize(x, q);
        // 5 / 7 = 0.714 -> scale 1.
        assertThat(q).containsExactly(5f, 1f);
    }

    @Test
    void mseRangeClipsAnOutlierWhenThatLowersError() {
        // 1000 values evenly over [-1, 1] and one outlier at 3: absmax wastes the grid
        // (scale 3/7, squared error about 1000 * (3/7)^2 / 12 = 15); clipping near 1.5 costs the
        // outlier about 2.25 and quarters the rest.
        float[] x = new float[1001];
        for (int i = 0; i < 1000; i++) {
            x[i] = -1f + 2f * i / 999;
        }
        x[1000] = 3f;
        float[] qa = new float[1001];
        float[] qm = new float[1001];
        Quantizer.absmax(int4).quantizeDequantize(x, qa);
        new Quantizer(int4, Granularity.perTensor(), RangeSetting.MSE, ScaleRule.REAL).quantizeDequantize(x, qm);
        assertThat(QuantError.of(x, qm).mse()).isLessThan(0.5 * QuantError.of(x, qa).mse());
    }

    @Test
    void errorMetricsMatchHandComputedValues() {
        float[] x = {1f, -1f, 1f, -1f};
        float[] q = {1.5f, -1f, 1f, -1f};
        QuantError e = QuantError.of(x, q);
        assertThat(e.mse()).isEqualTo(0.0625);
        assertThat(e.sqnrDb()).isCloseTo(10 * Math.log10(4 / 0.25), within(1e-12));
        // sigma 1, RMSE 0.25 -> 2 bits.
        assertThat(e.bitsOfAccuracy()).isCloseTo(2.0, within(1e-12));
    }

    @Test
    void badShapesAndGranularityAreRejected() {
        assertThatThrownBy(() -> Quantizer.absmax(int4).quantizeDequantize(new float[4], 3, 2, new float[4]))
                .hasMessageContaining("rows x cols");
        assertThatThrownBy(() -> Granularity.perGroup(0)).hasMessageContaining("groupSize");
    }
}

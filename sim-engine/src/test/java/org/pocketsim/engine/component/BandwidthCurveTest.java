package org.pocketsim.engine.component;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class BandwidthCurveTest {

    private final BandwidthCurve curve = new BandwidthCurve(
            new long[] {4096, 16384, 65536}, new double[] {1e9, 2e9, 3e9});

    @Test
    void rowsAreReturnedExactly() {
        assertThat(curve.bytesPerSecondAt(4096)).isEqualTo(1e9);
        assertThat(curve.bytesPerSecondAt(16384)).isEqualTo(2e9);
        assertThat(curve.bytesPerSecondAt(65536)).isEqualTo(3e9);
    }

    @Test
    void betweenRowsTheBandwidthIsLinearInLog2OfTheRequestSize() {
        assertThat(curve.bytesPerSecondAt(8192)).isCloseTo(1.5e9, within(1e-3));
        assertThat(curve.bytesPerSecondAt(32768)).isCloseTo(2.5e9, within(1e-3));
    }

    @Test
    void theUfs40CurveGivesTheInterpolatedFigureAt64KiB() {
        // 450 MB/s at 4 KB, 4 GB/s at 512 KB: 64 KiB is 4/7 of the way in log2 size (2^12 .. 2^19).
        BandwidthCurve ufs = new BandwidthCurve(new long[] {4096, 524_288}, new double[] {450e6, 4e9});
        assertThat(ufs.bytesPerSecondAt(65_536)).isCloseTo(450e6 + 4.0 / 7.0 * 3.55e9, within(1e-3));
    }

    @Test
    void outsideTheTableTheBandwidthIsClampedToTheEndRows() {
        assertThat(curve.bytesPerSecondAt(512)).isEqualTo(1e9);
        assertThat(curve.bytesPerSecondAt(1 << 30)).isEqualTo(3e9);
    }

    @Test
    void unorderedOrFallingTablesAreRejectedNamingTheRow() {
        assertThatThrownBy(() -> new BandwidthCurve(new long[] {4096, 4096}, new double[] {1e9, 2e9}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("row 1");
        assertThatThrownBy(() -> new BandwidthCurve(new long[] {4096, 8192}, new double[] {2e9, 1e9}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must not fall");
        assertThatThrownBy(() -> curve.bytesPerSecondAt(0)).isInstanceOf(IllegalArgumentException.class);
    }
}

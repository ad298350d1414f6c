package org.pocketsim.hw.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.pocketsim.hw.config.FieldException;
import org.pocketsim.hw.unit.Bandwidth;
import org.pocketsim.hw.unit.DataSize;

class RateCurveTest {

    private static final List<RatePoint> UFS4 = List.of(
            new RatePoint(DataSize.parse("4 KiB"), Bandwidth.parse("450 MB/s")),
            new RatePoint(DataSize.parse("512 KiB"), Bandwidth.parse("4 GB/s")));

    @Test
    void interpolatesLinearlyInLogRequestSize() {
        // 64 KiB is 4/7 of the way from 4 KiB (2^12) to 512 KiB (2^19) in log2: 450e6 + 4/7 * 3550e6.
        assertThat(RateCurve.at(UFS4, DataSize.parse("64 KiB")).bytesPerSecond())
                .isCloseTo(450e6 + 4.0 / 7.0 * 3_550e6, org.assertj.core.data.Offset.offset(1e-3));
    }

    @Test
    void clampsOutsideTheTable() {
        assertThat(RateCurve.at(UFS4, DataSize.parse("1 KiB")).bytesPerSecond()).isEqualTo(450e6);
        assertThat(RateCurve.at(UFS4, DataSize.parse("4 MiB")).bytesPerSecond()).isEqualTo(4e9);
        assertThat(RateCurve.at(UFS4, DataSize.parse("512 KiB")).bytesPerSecond()).isEqualTo(4e9);
    }

    @Test
    void rejectsTablesThatAreNotMonotone() {
        List<RatePoint> falling = List.of(UFS4.get(1),
                new RatePoint(DataSize.parse("1 MiB"), Bandwidth.parse("3 GB/s")));
        assertThatThrownBy(() -> RateCurve.validate(falling, "randomRead"))
                .isInstanceOf(FieldException.class)
                .hasMessage("field 'randomRead[1].bandwidth': must not be below the previous row's 4 GB/s (table must be monotone)");
        List<RatePoint> unsorted = List.of(UFS4.get(1), UFS4.get(0));
        assertThatThrownBy(() -> RateCurve.validate(unsorted, "sequentialRead"))
                .hasMessage("field 'sequentialRead[1].requestSize': must be larger than the previous row's 512 KiB");
        assertThatThrownBy(() -> RateCurve.validate(List.of(), "sequentialRead"))
                .hasMessage("field 'sequentialRead': needs at least one row {requestSize, bandwidth}");
    }
}

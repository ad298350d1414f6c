package org.pocketsim.hw.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pocketsim.hw.unit.Bandwidth;
import org.pocketsim.hw.unit.DataSize;
import org.pocketsim.hw.unit.Duration;

class DramSpecTest {

    private static DramSpec dram(Double fraction, Map<RequesterSet, Bandwidth> measured) {
        return new DramSpec("LPDDR5X", DataSize.parse("12 GiB"), DataSize.parse("5 GiB"), Bandwidth.parse("76.8 GB/s"),
                fraction, measured, Duration.parse("100 ns"), 4.0);
    }

    @Test
    void measuredBandwidthWinsAndTheFractionFillsTheGaps() {
        DramSpec d = dram(0.5, Map.of(RequesterSet.CPU, Bandwidth.parse("43.9 GB/s")));
        assertThat(d.achievable(RequesterSet.CPU).bytesPerSecond()).isEqualTo(43.9e9);
        assertThat(d.achievable(RequesterSet.NPU).bytesPerSecond()).isEqualTo(38.4e9);
        assertThat(d.available()).isEqualTo(DataSize.parse("7 GiB"));
    }

    @Test
    void withoutAFractionEveryRequesterSetNeedsAMeasurement() {
        assertThatThrownBy(() -> dram(null, Map.of(RequesterSet.CPU, Bandwidth.parse("43.9 GB/s"))))
                .hasMessage("field 'achievableBandwidth': has no entry for 'npu'; give all of cpu, npu, cpu+npu "
                        + "or an achievableFraction of peak");
    }

    @Test
    void rejectsMeasuredAbovePeakFractionOutOfRangeAndReserveAboveCapacity() {
        assertThatThrownBy(() -> dram(0.5, Map.of(RequesterSet.NPU, Bandwidth.parse("80 GB/s"))))
                .hasMessage("field 'achievableBandwidth.npu': 80 GB/s exceeds peakBandwidth 76.8 GB/s");
        assertThatThrownBy(() -> dram(1.2, null)).hasMessage("field 'achievableFraction': must be in (0, 1], got 1.2");
        assertThatThrownBy(() -> new DramSpec("LPDDR5X", DataSize.parse("4 GiB"), DataSize.parse("4 GiB"),
                Bandwidth.parse("60 GB/s"), 1.0, null, Duration.parse("0 ps"), 4.0))
                .hasMessage("field 'osReserved': must be below capacity 4 GiB, got 4 GiB");
    }
}

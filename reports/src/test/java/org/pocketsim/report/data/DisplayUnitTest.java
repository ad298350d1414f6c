package org.pocketsim.report.data;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DisplayUnitTest {

    @Test
    void bytesScaleToTheLargestUnitAtLeastOne() {
        DisplayUnit gb = DisplayUnit.pick("B", 3.508e9);
        assertThat(gb.symbol()).isEqualTo("GB");
        assertThat(gb.format(3.508e9)).isEqualTo("3.51");
        assertThat(DisplayUnit.pick("B/token", 4.2e6).withUnit(4.2e6)).isEqualTo("4.2 MB/token");
        assertThat(DisplayUnit.pick("B", 512).symbol()).isEqualTo("B");
    }

    @Test
    void millisecondsBecomeSecondsOrMicroseconds() {
        assertThat(DisplayUnit.pick("ms", 2180).withUnit(2180.4)).isEqualTo("2180 ms");
        assertThat(DisplayUnit.pick("ms", 12_000).withUnit(12_345)).isEqualTo("12.3 s");
        assertThat(DisplayUnit.pick("ms", 0.25).withUnit(0.25)).isEqualTo("250 µs");
    }

    @Test
    void sharesReadAsPercent() {
        DisplayUnit pct = DisplayUnit.pick("fraction", 0.9375);
        assertThat(pct.title("Cache hit rate")).isEqualTo("Cache hit rate (%)");
        assertThat(pct.withUnit(0.9375)).isEqualTo("93.8%");
    }

    @Test
    void otherUnitsStayAsStored() {
        assertThat(DisplayUnit.pick("tok/s", 13.72).withUnit(13.72, 4)).isEqualTo("13.72 tok/s");
        assertThat(DisplayUnit.pick("", 5).title("keep")).isEqualTo("keep");
    }
}

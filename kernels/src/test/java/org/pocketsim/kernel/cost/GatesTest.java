package org.pocketsim.kernel.cost;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GatesTest {

    @Test
    void compositeCellsFollowAppendixB() {
        assertThat(Gates.FA).isEqualTo(7);
        assertThat(Gates.FF).isEqualTo(6);
    }

    @Test
    void arithmeticBlocksMatchHandComputedCounts() {
        // 15-bit add: 14 FA + HA = 98 + 3.
        assertThat(Gates.add(15)).isEqualTo(101);
        assertThat(Gates.increment(11)).isEqualTo(33);
        // 8 x 8: 64 AND2 + 49 FA + 7 HA = 64 + 343 + 21.
        assertThat(Gates.multiply(8)).isEqualTo(428);
        assertThat(Gates.multiply(4)).isEqualTo(16 + 63 + 9);
    }

    @Test
    void shiftersMatchHandComputedCounts() {
        // 8-bit widening left shift by [0, 28]: 6 * 5 stages * 3 + 28 * 4.
        assertThat(Gates.widenLeftShift(8, 28)).isEqualTo(90 + 112);
        // 15-bit signed right shift by [0, 15]: 14 * 4 * 3.
        assertThat(Gates.signedRightShift(15, 15)).isEqualTo(168);
        // 15-bit left shift by [0, 14]: 15 * 4 * 3 - 14 * 2.
        assertThat(Gates.leftShift(15, 14)).isEqualTo(180 - 28);
        assertThat(Gates.stages(0)).isZero();
        assertThat(Gates.stages(1)).isEqualTo(1);
        assertThat(Gates.stages(15)).isEqualTo(4);
        assertThat(Gates.stages(16)).isEqualTo(5);
        assertThat(Gates.leadingZeroDetect(15)).isEqualTo(14 * 4);
    }
}

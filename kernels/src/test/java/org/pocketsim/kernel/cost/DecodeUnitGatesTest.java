package org.pocketsim.kernel.cost;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Gate counts of the hardware-path design options, from the Appendix B primitives by hand. */
class DecodeUnitGatesTest {

    @Test
    void ternaryLaneDropsTheMultiplierAndAddsANegateAndAZeroGate() {
        // INT8 -> FX+12: 724 gates of which the 8x8 multiplier is 64 AND2 + 49 FA + 7 HA = 64 + 343 + 21 = 428
        assertThat(DecodeUnitGates.int8Mac()).isEqualTo(724.0);
        assertThat(DecodeUnitGates.ternaryLane()).isEqualTo(724 - 428 + 8 * 3 + 8 * 1);
    }

    @Test
    void sparseLaneAddsAFourToOneActivationMux() {
        // 8 bits x 3 MUX2 x 3 gates + 2 FF x 6 gates = 72 + 12
        assertThat(DecodeUnitGates.sparseLanePerKeptWeight()).isEqualTo(724 + 84);
    }

    @Test
    void lutUnitStoresTheBookInFlipFlopsWithOneReadPort() {
        // vq-b4-d2: 16 x 2 x 16 = 512 FF bits x 6 gates + 15 MUX2 x 32 output bits x 3 gates
        assertThat(DecodeUnitGates.lutUnit(4, 2)).isEqualTo(512 * 6 + 15 * 32 * 3);
    }
}

package org.pocketsim.kernel.sparsity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class DipDensityTest {

    @Test
    void optimisedSplitAtHalfDensityFollowsThePublishedRule() {
        DipDensity d = DipDensity.optimised(0.5);
        // logit(0.5) = 0, so up = sigmoid(0.29976477589716316)
        assertThat(d.upKeep()).isCloseTo(0.5743850133179507, within(1e-15));
        assertThat(d.downKeep()).isCloseTo(0.35122997336409867, within(1e-15));
        assertThat(d.weightDensity()).isCloseTo(0.5, within(1e-15));
    }

    @Test
    void optimisedSplitKeepsTheOverallWeightDensity() {
        DipDensity d = DipDensity.optimised(0.25);
        assertThat(d.upKeep()).isCloseTo(0.3138113208163776, within(1e-15));
        assertThat(d.downKeep()).isCloseTo(0.12237735836724484, within(1e-15));
        assertThat(d.weightDensity()).isCloseTo(0.25, within(1e-15));
    }

    @Test
    void columnCountsRoundDownLikeTheReference() {
        DipDensity d = DipDensity.optimised(0.5);
        assertThat(d.upColumns(5120)).isEqualTo(2940);
        assertThat(d.downColumns(17920)).isEqualTo(6294);
        assertThat(new DipDensity(0.3, 0.3).upColumns(7)).isEqualTo(2);
    }

    @Test
    void gluPruningKeepsUpAndGateDense() {
        DipDensity d = DipDensity.gluPruning(0.4);
        assertThat(d.upKeep()).isEqualTo(1.0);
        assertThat(d.upColumns(5120)).isEqualTo(5120);
        assertThat(d.downColumns(100)).isEqualTo(40);
    }

    @Test
    void densitiesOutsideTheUnitIntervalAreRejected() {
        assertThatThrownBy(() -> new DipDensity(1.2, 0.5)).hasMessageContaining("upKeep must be in [0, 1], got 1.2");
        assertThatThrownBy(() -> new DipDensity(0.5, Double.NaN)).hasMessageContaining("downKeep");
        assertThatThrownBy(() -> DipDensity.optimised(1.0)).hasMessageContaining("(0, 1)");
    }
}

package org.pocketsim.workload.trace;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ActivationPersistenceTest {

    /**
     * 4 tokens x 4 channels of mlp_in, |x| rows [4,3,2,1], [4,1,3,2], [3,1,4,2], [5,3,1,4] (signs mixed).
     * Top-1 sets {0},{0},{2},{0}; top-2 sets {0,1},{0,2},{0,2},{0,3}.
     */
    private static InMemoryTrace fourByFour() {
        TraceInfo info = new TraceInfo("hand", TraceInfo.SourceKind.SYNTHETIC, 4, List.of(0), Map.of());
        InMemoryTrace t = new InMemoryTrace(info, new TraceShape(1, 4, 2, 0, 0));
        t.put(TensorKind.MLP_IN, 0, new float[] {4, -3, 2, -1, -4, 1, 3, -2, 3, 1, -4, 2, 5, -3, 1, 4});
        return t;
    }

    @Test
    void keptCountRoundsHalfToEvenAsPythonAndKeepsAtLeastOne() {
        assertThat(ActivationPersistence.keep(0.10, 512)).isEqualTo(51);
        assertThat(ActivationPersistence.keep(0.10, 1536)).isEqualTo(154);
        assertThat(ActivationPersistence.keep(0.50, 5)).isEqualTo(2);
        assertThat(ActivationPersistence.keep(0.25, 6)).isEqualTo(2);
        assertThat(ActivationPersistence.keep(0.10, 4)).isEqualTo(1);
    }

    @Test
    void measuresOverlapPersistentShareAndAr1OfAHandMadeTrace() {
        ActivationPersistence.Single s = ActivationPersistence.of(fourByFour(), TensorKind.MLP_IN, 0, 4);
        // k = 1, 1, 2: top-1 pairs share 1, 0, 0 of 1 -> 1/3; top-2 pairs share 1, 2, 1 of 2 -> 2/3
        assertThat(s.overlap()).containsExactly(new double[] {1.0 / 3, 1.0 / 3, 2.0 / 3}, within(1e-12));
        // channel 0 is the top-1 for 3 of 4 tokens (> half), no other channel is
        assertThat(s.persistentShare()).isEqualTo(0.25);
        // channel 0: |x| 4,4,3,5 -> x (4,4,3), y (4,3,5): sxy -1, sxx 2/3, syy 2 -> -1/sqrt(4/3)
        // channel 1: 3,1,1,3 -> -0.5; channel 2: 2,3,4,1 -> -6/sqrt(84); channel 3: 1,2,2,4 -> 0.5
        assertThat(s.ar1PerChannel()).containsExactly(new double[] {-1 / Math.sqrt(4.0 / 3), -0.5, -6 / Math.sqrt(84), 0.5},
                within(1e-12));
    }

    @Test
    void poolingAveragesOverlapsAndShareAndTakesTheMedianOverAllChannels() {
        ActivationPersistence.Single a = new ActivationPersistence.Single(new double[] {0.2, 0.3, 0.5}, 0.01, new double[] {0.1, 0.4});
        ActivationPersistence.Single b = new ActivationPersistence.Single(new double[] {0.4, 0.5, 0.7}, 0.03, new double[] {-0.2});
        ActivationPersistence.Pooled p = ActivationPersistence.pool(3, TensorKind.DOWN_IN, 2, List.of(a, b));
        assertThat(p.overlap()).containsExactly(new double[] {0.3, 0.4, 0.6}, within(1e-12));
        assertThat(p.persistentShare()).isCloseTo(0.02, within(1e-12));
        assertThat(p.ar1AbsMedian()).isEqualTo(0.1);
        assertThat(p.traces()).isEqualTo(2);
        assertThat(ActivationPersistence.median(new double[] {3, 1, 2, 4})).isEqualTo(2.5);
    }

    @Test
    void channelsWhoseMagnitudeNeverVariesAreLeftOutOfTheAr1() {
        TraceInfo info = new TraceInfo("flat", TraceInfo.SourceKind.SYNTHETIC, 3, List.of(0), Map.of());
        InMemoryTrace t = new InMemoryTrace(info, new TraceShape(1, 2, 2, 0, 0));
        t.put(TensorKind.MLP_IN, 0, new float[] {1, 1, -1, 2, 1, 4});
        // channel 0 constant |x| 1; channel 1: 1,2,4 -> x (1,2), y (2,4) -> correlation 1
        assertThat(ActivationPersistence.of(t, TensorKind.MLP_IN, 0, 2).ar1PerChannel()).containsExactly(new double[] {1.0}, within(1e-12));
    }
}

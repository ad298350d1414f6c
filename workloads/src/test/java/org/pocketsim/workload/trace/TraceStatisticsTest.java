package org.pocketsim.workload.trace;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class TraceStatisticsTest {

    private static final TraceShape SHAPE = new TraceShape(1, 4, 0, 0, 0);

    private static InMemoryTrace activations() {
        TraceInfo info = new TraceInfo("m", TraceInfo.SourceKind.SYNTHETIC, 3, List.of(0), Map.of());
        return new InMemoryTrace(info, SHAPE).put(TensorKind.MLP_IN, 0,
                new float[] {1f, -3f, 0.5f, 2f, 4f, 0f, -1f, 1f, 0.5f, 0.5f, 0.5f, 0.5f});
    }

    @Test
    void activationStatisticsMatchHandComputedValues() {
        TraceStatistics s = TraceStatistics.of(activations(), SHAPE);
        assertThat(s.routing()).isEmpty();
        TraceStatistics.ActivationStats a = s.activations().get(0);
        assertThat(a.kind()).isEqualTo(TensorKind.MLP_IN);
        assertThat(a.meanAbs()).isCloseTo(14.5 / 12, within(1e-12));
        assertThat(a.top1PercentShare()).isCloseTo((6.0 / 13 + 2.0 / 3 + 0.25) / 3, within(1e-12));
        // k = 2: S0 = {1, 3}, S1 = {0, 2} (tie 2 vs 3 to the lower index), S2 = {0, 1}: overlaps 0 and 1/2.
        assertThat(a.dipOverlapAtHalf()).isCloseTo(0.25, within(1e-12));
    }

    @Test
    void routingStatisticsMatchHandComputedValues() {
        TraceStatistics s = TraceStatistics.of(TraceFixtures.tiny(), TraceFixtures.SHAPE);
        assertThat(s.routing()).extracting(TraceStatistics.RoutingStats::layer).containsExactly(0, 2);
        TraceStatistics.RoutingStats r = s.routing().get(0);
        assertThat(r.reuseDistance1()).isCloseTo(0.5, within(1e-12));
        assertThat(r.topExpertShare()).isCloseTo(1.0 / 3, within(1e-12));
        assertThat(s.activations()).hasSize(4);
    }

    @Test
    void kthLargestFindsOrderStatisticsWithDuplicates() {
        float[] a = {5, 1, 3, 3, 9, 7, 3, 0};
        float[] sorted = {9, 7, 5, 3, 3, 3, 1, 0};
        for (int k = 1; k <= a.length; k++) {
            assertThat(MagnitudeSelect.kthLargest(a.clone(), a.length, k)).as("k=%d", k).isEqualTo(sorted[k - 1]);
        }
    }
}

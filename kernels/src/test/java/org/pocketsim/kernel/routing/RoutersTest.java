package org.pocketsim.kernel.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.pocketsim.kernel.cache.FixedCacheView;

/**
 * Hand-computed routing cases on z = {2, 1, 0.5, 3, -1, 0}: rank order 3, 0, 1, 2, 5, 4;
 * softmax p_i = exp(z_i - 3) / S with S = 1 + e^-1 + e^-2 + e^-2.5 + e^-4 + e^-3.
 */
class RoutersTest {

    private static final float[] Z = {2f, 1f, 0.5f, 3f, -1f, 0f};
    private static final double S = 1 + Math.exp(-1) + Math.exp(-2) + Math.exp(-2.5) + Math.exp(-4) + Math.exp(-3);

    private static int[] experts(RoutingDecision d) {
        return Arrays.copyOf(d.experts(), d.count());
    }

    @Test
    void topKPicksTheLargestLogitsWithRenormalisedWeights() {
        RoutingDecision d = new RoutingDecision(2);
        new TopKRouter(6, 2, true).route(Z, null, FixedCacheView.of(6, 0), d);
        assertThat(experts(d)).containsExactly(3, 0);
        assertThat(d.weights()[0]).isCloseTo((float) (1 / (1 + Math.exp(-1))), within(1e-7f));
        assertThat(d.weights()[1]).isCloseTo((float) (Math.exp(-1) / (1 + Math.exp(-1))), within(1e-7f));
        assertThat(d.massKept()).isCloseTo((1 + Math.exp(-1)) / S, within(1e-12));
        assertThat(d.massKeptShare()).isCloseTo(1.0, within(1e-15));
        assertThat(d.changed()).isZero();
        assertThat(d.cacheHits()).isEqualTo(1);
    }

    @Test
    void topKWithoutRenormalisationKeepsFullSoftmaxProbabilities() {
        RoutingDecision d = new RoutingDecision(2);
        new TopKRouter(6, 2, false).route(Z, null, null, d);
        assertThat(d.weights()[0]).isCloseTo((float) (1 / S), within(1e-7f));
        assertThat(d.weights()[1]).isCloseTo((float) (Math.exp(-1) / S), within(1e-7f));
        assertThat(d.cacheHits()).isEqualTo(-1);
    }

    @Test
    void topKPassesModelExpertsThroughOnExpertIdTraces() {
        RoutingDecision d = new RoutingDecision(2);
        TopKRouter r = new TopKRouter(6, 2, true);
        r.route(null, new int[] {5, 2}, FixedCacheView.of(6, 2), d);
        assertThat(experts(d)).containsExactly(5, 2);
        assertThat(d.weightsKnown()).isFalse();
        assertThat(d.weights()[0]).isNaN();
        assertThat(d.massKept()).isNaN();
        assertThat(d.cacheHits()).isEqualTo(1);
        assertThat(r.needsLogits()).isFalse();
    }

    @Test
    void logitRoutersFailClearlyOnExpertIdTraces() {
        RoutingDecision d = new RoutingDecision(2);
        FixedCacheView c = FixedCacheView.of(6);
        assertThatThrownBy(() -> new CachePriorRouter(6, 2, 0.5, 1, true).route(null, new int[] {0, 1}, c, d))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("cache-prior router needs router logits, but the trace carries only expert ids");
        assertThatThrownBy(() -> new MaxRankRouter(6, 2, 1, 4, true).route(null, new int[] {0, 1}, c, d))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("max-rank router needs router logits");
        assertThatThrownBy(() -> new CumulativeWindowRouter(6, 2, 1, 0.9, true).route(null, null, c, d))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("cumulative-window");
    }

    @Test
    void cachePriorBiasesResidentExpertsByLambdaTimesTheRunningSpread() {
        CachePriorRouter r = new CachePriorRouter(6, 2, 0.5, 1, true);
        FixedCacheView cache = FixedCacheView.of(6, 1, 2, 4);
        RoutingDecision d = new RoutingDecision(2);
        // spread 3 - (-1) = 4, bonus 0.5 * 4 = 2: z' = {2, 3, 2.5, 3, 1, 0}; top-1 original (3) kept, then 1.
        r.route(Z, null, cache, d);
        assertThat(r.deltaAvg()).isEqualTo(4.0);
        assertThat(experts(d)).containsExactly(3, 1);
        // weights from the ORIGINAL logits 3 and 1
        assertThat(d.weights()[0]).isCloseTo((float) (1 / (1 + Math.exp(-2))), within(1e-7f));
        assertThat(d.weights()[1]).isCloseTo((float) (Math.exp(-2) / (1 + Math.exp(-2))), within(1e-7f));
        assertThat(d.changed()).isEqualTo(1);
        assertThat(d.changedShare()).isEqualTo(0.5);
        assertThat(d.massKept()).isCloseTo((1 + Math.exp(-2)) / S, within(1e-12));
        assertThat(d.topKMass()).isCloseTo((1 + Math.exp(-1)) / S, within(1e-12));
        assertThat(d.cacheHits()).isEqualTo(1);

        // second token, spread 1: Delta_avg = (4 + 1) / 2 = 2.5, bonus 1.25; ties among 1, 2, 4 go to 1
        r.route(new float[] {0f, 0f, 0f, 1f, 0f, 0f}, null, cache, d);
        assertThat(r.deltaAvg()).isEqualTo(2.5);
        assertThat(experts(d)).containsExactly(3, 1);
    }

    @Test
    void cachePriorWithoutKeptTopExpertsCanReplaceThemAll() {
        CachePriorRouter r = new CachePriorRouter(6, 2, 1.0, 0, true);
        RoutingDecision d = new RoutingDecision(2);
        // bonus 4: z' = {2, 5, 4.5, 3, 3, 0}
        r.route(Z, null, FixedCacheView.of(6, 1, 2, 4), d);
        assertThat(experts(d)).containsExactly(1, 2);
        assertThat(d.changed()).isEqualTo(2);
    }

    @Test
    void cachePriorWithZeroLambdaIsPlainTopK() {
        RoutingDecision d = new RoutingDecision(2);
        new CachePriorRouter(6, 2, 0.0, 0, true).route(Z, null, FixedCacheView.of(6, 1, 2, 4), d);
        assertThat(experts(d)).containsExactly(3, 0);
        assertThat(d.changed()).isZero();
    }

    @Test
    void cachePriorKeepingAllTopKOriginalExpertsChangesNothing() {
        RoutingDecision d = new RoutingDecision(2);
        new CachePriorRouter(6, 2, 1.0, 2, true).route(Z, null, FixedCacheView.of(6, 1, 2, 4), d);
        assertThat(experts(d)).containsExactly(3, 0);
        assertThat(d.changed()).isZero();
    }

    @Test
    void maxRankFillsFromCachedExpertsWithinTopMThenRankOrder() {
        RoutingDecision d = new RoutingDecision(3);
        FixedCacheView cache = FixedCacheView.of(6, 2, 5);
        // window ranks 3, 0, 1, 2: keep 3, cached 2, then best uncached 0; expert 5 is outside M = 4
        new MaxRankRouter(6, 3, 1, 4, true).route(Z, null, cache, d);
        assertThat(experts(d)).containsExactly(3, 0, 2);
        assertThat(d.changed()).isEqualTo(1);
        // M = 6 reaches expert 5
        new MaxRankRouter(6, 3, 1, 6, true).route(Z, null, cache, d);
        assertThat(experts(d)).containsExactly(3, 2, 5);
        assertThat(d.changed()).isEqualTo(2);
        assertThat(d.cacheHits()).isEqualTo(2);
    }

    @Test
    void cumulativeWindowSizesTheRankWindowByProbabilityMass() {
        // cumulative mass by rank: 0.605, 0.827, 0.909, 0.959, 0.989, 1
        RoutingDecision d = new RoutingDecision(2);
        CumulativeWindowRouter r90 = new CumulativeWindowRouter(6, 2, 1, 0.9, true);
        r90.route(Z, null, FixedCacheView.of(6, 1, 2), d);
        assertThat(r90.lastWindow()).isEqualTo(3);
        assertThat(experts(d)).containsExactly(3, 1);

        CumulativeWindowRouter r95 = new CumulativeWindowRouter(6, 2, 1, 0.95, true);
        r95.route(Z, null, FixedCacheView.of(6, 2), d);
        assertThat(r95.lastWindow()).isEqualTo(4);
        assertThat(experts(d)).containsExactly(3, 2);

        CumulativeWindowRouter r50 = new CumulativeWindowRouter(6, 2, 1, 0.5, true);
        r50.route(Z, null, FixedCacheView.of(6, 2), d);
        assertThat(r50.lastWindow()).isEqualTo(2);
        assertThat(experts(d)).containsExactly(3, 0);
    }

    @Test
    void badParametersAreRejected() {
        assertThatThrownBy(() -> new CachePriorRouter(6, 2, 1.5, 1, true)).hasMessageContaining("lambda must be in [0, 1], got 1.5");
        assertThatThrownBy(() -> new MaxRankRouter(6, 3, 1, 2, true)).hasMessageContaining("maxRank M must be in [k = 3");
        assertThatThrownBy(() -> new TopKRouter(4, 5, true)).hasMessageContaining("k must be in [1, experts = 4]");
        assertThatThrownBy(() -> new TopKRouter(6, 2, true).route(new float[5], null, null, new RoutingDecision(2)))
                .hasMessageContaining("expected 6");
        assertThatThrownBy(() -> new TopKRouter(6, 2, true).route(Z, null, null, new RoutingDecision(3)))
                .hasMessageContaining("router picks 2");
    }
}

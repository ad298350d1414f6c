package org.pocketsim.kernel.sparsity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.pocketsim.kernel.cache.FixedCacheView;

class DipPrunerTest {

    private static final float[] X = {1f, -4f, 2f, 0.5f};
    private static final float[] DOWN_IN = {0.1f, -0.6f, 0.3f, 0.05f, -0.2f, 0.4f};

    private static int[] cols(int[] a, int n) {
        return Arrays.copyOf(a, n);
    }

    private static double silu(double v) {
        return v / (1 + Math.exp(-v));
    }

    @Test
    void dipWithoutWeightsScoresDownOnTheTracesDenseActivation() {
        MlpMask out = new MlpMask(4, 6);
        DipPruner.dip(new DipDensity(0.5, 0.5), 4, 6).prune(X, DOWN_IN, null, null, null, 0, out);

        assertThat(cols(out.upColumns(), out.upCount())).containsExactly(1, 2);
        assertThat(cols(out.downColumns(), out.downCount())).containsExactly(1, 2, 5);
        assertThat(out.upNormKept()).isCloseTo(Math.sqrt(20 / 21.25), within(1e-12));
        assertThat(out.downNormKept()).isCloseTo(Math.sqrt(0.61 / 0.6625), within(1e-6));
        assertThat(out.upHits()).isEqualTo(-1);
        assertThat(out.outputRelError()).isNaN();
        assertThat(out.downScoredOnPrunedGlu()).isFalse();
    }

    @Test
    void gluPruningReadsEveryUpColumnAndPrunesDownOnly() {
        MlpMask out = new MlpMask(4, 6);
        DipPruner.dip(DipDensity.gluPruning(0.5), 4, 6).prune(X, DOWN_IN, null, null, null, 3, out);
        assertThat(cols(out.upColumns(), out.upCount())).containsExactly(0, 1, 2, 3);
        assertThat(out.upNormKept()).isEqualTo(1.0);
        assertThat(cols(out.downColumns(), out.downCount())).containsExactly(1, 2, 5);
    }

    @Test
    void cacheAwareDipPrefersResidentColumnsAndCountsHits() {
        MlpMask out = new MlpMask(4, 6);
        FixedCacheView upCache = FixedCacheView.of(4, 0, 3);
        FixedCacheView downCache = FixedCacheView.of(6, 0, 3, 4);
        DipPruner.cacheAware(new DipDensity(0.5, 0.5), CacheAwareSpec.of(0.1), 4, 6)
                .prune(X, DOWN_IN, null, upCache, downCache, 0, out);
        // up s' = {1, 0.4, 0.2, 0.5}
        assertThat(cols(out.upColumns(), out.upCount())).containsExactly(0, 3);
        assertThat(out.upHits()).isEqualTo(2);
        // down s' = {0.1, 0.06, 0.03, 0.05, 0.2, 0.04}
        assertThat(cols(out.downColumns(), out.downCount())).containsExactly(0, 1, 4);
        assertThat(out.downHits()).isEqualTo(2);
    }

    @Test
    void withWeightsDownIsScoredOnTheGluOfThePrunedUpAndGate() {
        // x = {3, 1}; up keeps column 0. up = [[0, 5], [1, 0]], gate = all ones, down = identity.
        // pruned: u = {0, 3}, g = {3, 3} -> h = {0, 3 silu(3)} -> down keeps column 1.
        // dense:  u = {5, 3}, g = {4, 4} -> h = {5 silu(4), 3 silu(4)} (would keep column 0).
        MlpWeights w = new MlpWeights(2, 2, new float[] {0, 5, 1, 0}, new float[] {1, 1, 1, 1},
                new float[] {1, 0, 0, 1}, GluActivation.SILU);
        float[] x = {3f, 1f};
        MlpMask out = new MlpMask(2, 2);
        DipPruner.dip(new DipDensity(0.5, 0.5), 2, 2).prune(x, null, w, null, null, 0, out);

        assertThat(cols(out.upColumns(), out.upCount())).containsExactly(0);
        assertThat(cols(out.downColumns(), out.downCount())).containsExactly(1);
        assertThat(out.downScoredOnPrunedGlu()).isTrue();
        assertThat(out.upNormKept()).isCloseTo(Math.sqrt(0.9), within(1e-12));
        assertThat(out.downNormKept()).isEqualTo(1.0);
        double y0 = 5 * silu(4);
        double y1 = 3 * silu(4);
        double p1 = 3 * silu(3);
        double expected = Math.sqrt(y0 * y0 + (y1 - p1) * (y1 - p1)) / Math.sqrt(y0 * y0 + y1 * y1);
        assertThat(out.outputRelError()).isCloseTo(expected, within(1e-6));
    }

    @Test
    void gluActivationsMatchTheirDefinitions() {
        // silu(1) = 1 / (1 + e^-1); gelu_tanh(1) = 0.5 (1 + tanh(sqrt(2/pi) 1.044715))
        assertThat(GluActivation.SILU.apply(1.0)).isCloseTo(0.7310585786300049, within(1e-15));
        assertThat(GluActivation.GELU_TANH.apply(1.0)).isCloseTo(0.8411919906082768, within(1e-12));
        assertThat(GluActivation.SILU.apply(0.0)).isZero();
    }

    @Test
    void denseDensityGivesZeroOutputError() {
        MlpWeights w = new MlpWeights(2, 2, new float[] {0, 5, 1, 0}, new float[] {1, 1, 1, 1},
                new float[] {1, 0, 0, 1}, GluActivation.SILU);
        MlpMask out = new MlpMask(2, 2);
        DipPruner.dip(new DipDensity(1, 1), 2, 2).prune(new float[] {3f, 1f}, null, w, null, null, 0, out);
        assertThat(out.outputRelError()).isEqualTo(0.0);
    }

    @Test
    void missingDownScoresAndShapeMismatchesAreRejected() {
        DipPruner p = DipPruner.dip(new DipDensity(0.5, 0.5), 4, 6);
        assertThatThrownBy(() -> p.prune(X, null, null, null, null, 0, new MlpMask(4, 6)))
                .hasMessageContaining("needs the trace's down_in or the MLP weights");
        assertThatThrownBy(() -> p.prune(new float[3], DOWN_IN, null, null, null, 0, new MlpMask(4, 6)))
                .hasMessageContaining("expected hidden=4");
        assertThatThrownBy(() -> new MlpWeights(2, 2, new float[3], new float[4], new float[4], GluActivation.SILU))
                .hasMessageContaining("up weights must hold 4 floats, got 3");
    }
}

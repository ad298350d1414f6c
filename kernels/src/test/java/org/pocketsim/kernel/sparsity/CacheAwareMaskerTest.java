package org.pocketsim.kernel.sparsity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.pocketsim.kernel.cache.FixedCacheView;

class CacheAwareMaskerTest {

    // |a| = {5, 4, 3, 2, 1}; columns 2 and 3 resident.
    private static final float[] A = {5f, -4f, 3f, -2f, 1f};
    private static final FixedCacheView CACHE = FixedCacheView.of(5, 2, 3);
    private final int[] out = new int[5];

    private int[] select(CacheAwareSpec spec, int k, int token) {
        int m = new CacheAwareMasker(spec, 8).select(A, 5, k, CACHE, token, out);
        return Arrays.copyOf(out, m);
    }

    @Test
    void magnitudeMaskerIgnoresTheCache() {
        int m = new MagnitudeMasker(8).select(A, 5, 2, CACHE, 0, out);
        assertThat(Arrays.copyOf(out, m)).containsExactly(0, 1);
    }

    @Test
    void nonResidentScoresAreMultipliedByGamma() {
        // gamma 0.5: s' = {2.5, 2, 3, 2, 0.5}
        assertThat(select(CacheAwareSpec.of(0.5), 2, 0)).containsExactly(0, 2);
        // gamma 0.1: s' = {0.5, 0.4, 3, 2, 0.1}
        assertThat(select(CacheAwareSpec.of(0.1), 2, 0)).containsExactly(2, 3);
        assertThat(select(CacheAwareSpec.of(1.0), 2, 0)).containsExactly(0, 1);
    }

    @Test
    void fixedTopColumnsByRawScoreAreNotDeweighted() {
        // fixed_top_n = floor(0.5 * 2) = 1 exempts column 0: s' = {5, 0.4, 3, 2, 0.1}
        assertThat(select(new CacheAwareSpec(0.1, 0.5, false, false), 2, 0)).containsExactly(0, 2);
    }

    @Test
    void warmUpStartsCacheBlindAndApproachesGamma() {
        CacheAwareSpec spec = new CacheAwareSpec(0.1, 0, true, false);
        assertThat(spec.gammaAt(0)).isEqualTo(1.0);
        // t = 4: 1 - 0.9 * (1 - 0.1) = 0.19
        assertThat(spec.gammaAt(4)).isCloseTo(0.19, within(1e-12));
        // t = 1: 1 - 0.9 * (1 - 0.1^0.25)
        assertThat(spec.gammaAt(1)).isCloseTo(1 - 0.9 * (1 - Math.pow(0.1, 0.25)), within(1e-15));
        assertThat(select(spec, 2, 0)).containsExactly(0, 1);
        // gamma_1 = 0.60611: s' = {3.03, 2.42, 3, 2, 0.61}
        assertThat(select(spec, 2, 1)).containsExactly(0, 2);
        // gamma_4 = 0.19: s' = {0.95, 0.76, 3, 2, 0.19}
        assertThat(select(spec, 2, 4)).containsExactly(2, 3);
    }

    @Test
    void alphaBlendMixesScoreWithResidency() {
        // gamma 0.5: s' = 0.5 s + 0.5 c = {2.5, 2, 2, 1.5, 0.5}; the tie at 2 goes to column 1
        assertThat(select(new CacheAwareSpec(0.5, 0, false, true), 2, 0)).containsExactly(0, 1);
        // gamma 0.2: s' = {1, 0.8, 1.4, 1.2, 0.2}
        assertThat(select(new CacheAwareSpec(0.2, 0, false, true), 2, 0)).containsExactly(2, 3);
        // exempt column 0 keeps its raw 5
        assertThat(select(new CacheAwareSpec(0.2, 0.5, false, true), 2, 0)).containsExactly(0, 2);
    }

    @Test
    void repeatedCallsDoNotLeakExemptionsBetweenTokens() {
        CacheAwareMasker masker = new CacheAwareMasker(new CacheAwareSpec(0.1, 0.5, false, false), 8);
        masker.select(A, 5, 2, CACHE, 0, out);
        float[] b = {1f, 1f, 0.5f, 0.5f, 9f};
        // exempt column 4 only: s' = {0.1, 0.1, 0.5, 0.5, 9}
        int m = masker.select(b, 5, 2, CACHE, 1, out);
        assertThat(Arrays.copyOf(out, m)).containsExactly(2, 4);
    }

    @Test
    void missingCacheAndBadParametersAreRejected() {
        CacheAwareMasker masker = new CacheAwareMasker(CacheAwareSpec.of(0.2), 8);
        assertThatThrownBy(() -> masker.select(A, 5, 2, null, 0, out)).hasMessageContaining("needs the layer's CacheView");
        assertThatThrownBy(() -> CacheAwareSpec.of(1.5)).hasMessageContaining("gamma must be in [0, 1], got 1.5");
        assertThatThrownBy(() -> new CacheAwareSpec(0.2, -0.1, false, false)).hasMessageContaining("fixedTopShare");
        assertThat(masker.name()).isEqualTo("dip-ca(gamma=0.2)");
    }
}

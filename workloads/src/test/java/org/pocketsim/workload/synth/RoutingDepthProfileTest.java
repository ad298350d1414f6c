package org.pocketsim.workload.synth;

import org.junit.jupiter.api.Test;
import org.pocketsim.workload.trace.TraceReader;
import org.pocketsim.workload.trace.TraceSource;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The per-layer statistics synthetic MoE traces are fitted to: the shipped OLMoE-1B-7B profile
 * equals a brute-force count on the real trace (read from its safetensors copy, not the JSONL the
 * profile is built from), agrees with the published per-layer table, and maps to other layer
 * counts by relative depth.
 */
class RoutingDepthProfileTest {

    private static final int E = 64;
    private static final int K = 8;
    private static final int T = 299;

    @Test
    void olmoeProfileOfLayers0And7And15EqualsABruteForceCountOnTheRealTrace() {
        int[][][] trace = readSafetensorsTrace();
        RoutingDepthProfile p = RoutingDepthProfile.olmoe();
        assertThat(p.layers()).isEqualTo(16);
        assertThat(p.window()).isEqualTo(T);
        for (int layer : new int[]{0, 7, 15}) {
            int[][] s = trace[layer];
            for (int d = 1; d <= 8; d++) {
                double sum = 0;
                for (int t = d; t < T; t++) {
                    int shared = 0;
                    for (int a : s[t]) for (int b : s[t - d]) if (a == b) shared++;
                    sum += shared / (double) K;
                }
                double reuse = sum / (T - d);
                assertThat(p.excessReuse()[layer][d - 1]).as("layer %d d %d", layer, d)
                        .isCloseTo((reuse - K / (double) E) / (1 - K / (double) E), within(1e-12));
            }
            int[] counts = new int[E];
            for (int[] set : s) for (int e : set) counts[e]++;
            int[] sorted = counts.clone();
            Arrays.sort(sorted);
            assertThat(p.topSelection()[layer]).as("layer %d top", layer).isCloseTo(sorted[E - 1] / (double) T, within(1e-12));
            int cum = 0;
            int needed = 0;
            while (cum < 0.8 * T * K) cum += sorted[E - 1 - needed++];
            assertThat(p.cover80()[layer]).as("layer %d cover80", layer).isCloseTo(needed / (double) E, within(1e-12));
        }
    }

    /** The same numbers against data/third-party/moe/olmoe-routing-stats-per-layer.csv (4 decimals): d1, d2, d4, d8, top share, cover 80%. */
    @Test
    void olmoeProfileReproducesThePublishedPerLayerTable() {
        RoutingDepthProfile p = RoutingDepthProfile.olmoe();
        double[][] published = {
                {0, 0.3335, 0.2226, 0.1945, 0.2105, 0.0702, 0.6250},
                {7, 0.4807, 0.3868, 0.3242, 0.3037, 0.0514, 0.4844},
                {15, 0.4597, 0.3737, 0.3441, 0.3333, 0.1083, 0.4531}};
        for (double[] row : published) {
            int l = (int) row[0];
            int[] distances = {1, 2, 4, 8};
            for (int i = 0; i < 4; i++) {
                double reuse = 0.125 + 0.875 * p.excessReuse()[l][distances[i] - 1];
                assertThat(reuse).as("layer %d d %d", l, distances[i]).isCloseTo(row[1 + i], within(5e-5));
            }
            assertThat(p.topSelection()[l] / K).isCloseTo(row[5], within(5e-5));
            assertThat(p.cover80()[l]).isCloseTo(row[6], within(5e-5));
        }
    }

    @Test
    void targetLayersReadTheSourceAtTheirRelativeDepthCarriedOverRelativeToChance() {
        RoutingDepthProfile p = RoutingDepthProfile.olmoe();
        double[][] x = p.excessReuse();
        // Qwen1.5-MoE: 24 MoE layers, 60 experts, top-4. Layer 0 reads source 0, layer 23 source 15,
        // layer 1 source position 15/23 (between source layers 0 and 1).
        double chance = 4 / 60.0;
        RoutingDepthProfile.LayerTarget first = p.target(0, 24, 60, 4);
        RoutingDepthProfile.LayerTarget last = p.target(23, 24, 60, 4);
        RoutingDepthProfile.LayerTarget second = p.target(1, 24, 60, 4);
        double f = 15.0 / 23;
        for (int d = 1; d <= 8; d++) {
            assertThat(first.reuse(d)).isCloseTo(chance + (1 - chance) * x[0][d - 1], within(1e-12));
            assertThat(last.reuse(d)).isCloseTo(chance + (1 - chance) * x[15][d - 1], within(1e-12));
            assertThat(second.reuse(d)).isCloseTo(chance + (1 - chance) * (x[0][d - 1] * (1 - f) + x[1][d - 1] * f), within(1e-12));
        }
        assertThat(first.topExpertShare()).isCloseTo(p.topSelection()[0] / 4, within(1e-12));
        assertThat(second.fracCover80()).isCloseTo(p.cover80()[0] * (1 - f) + p.cover80()[1] * f, within(1e-12));
        assertThat(first.window()).isEqualTo(T);
        // Mixtral: 32 layers of 8 experts top-2; the top expert's share is kept inside (1/8, 1/2].
        assertThat(p.target(16, 32, 8, 2).topExpertShare()).isLessThanOrEqualTo(0.5);
        // a model with as many layers as the source reads it layer by layer
        for (int l = 0; l < 16; l++) assertThat(p.target(l, 16, 64, 8).reuse(1)).isCloseTo(0.125 + 0.875 * x[l][0], within(1e-12));
    }

    private static int[][][] readSafetensorsTrace() {
        int[][][] out = new int[16][T][K];
        try (TraceSource t = TraceReader.open(TestData.repoRoot().resolve("data/traces/olmoe-1b-7b-0924.decode299"), false)) {
            for (int tok = 0; tok < T; tok++) for (int l = 0; l < 16; l++) t.readExperts(l, tok, out[l][tok]);
        }
        return out;
    }
}

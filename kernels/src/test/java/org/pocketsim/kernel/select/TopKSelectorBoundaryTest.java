package org.pocketsim.kernel.select;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The paths the radix split takes at its edges: extreme buckets, one full bucket, ties at the cut. */
class TopKSelectorBoundaryTest {

    private final TopKSelector selector = new TopKSelector(64);
    private final int[] out = new int[64];

    @Test
    void infinitiesAreRankedNotRejected() {
        float[] s = {1f, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, 2f};
        int m = selector.select(s, s.length, 2, out);
        assertThat(Arrays.copyOf(out, m)).containsExactly(1, 3);
        m = selector.selectAbs(s, s.length, 2, out);
        assertThat(Arrays.copyOf(out, m)).containsExactly(1, 2);
        m = selector.selectAbs(s, s.length, 3, out);
        assertThat(Arrays.copyOf(out, m)).containsExactly(1, 2, 3);
    }

    @Test
    void theFirstNanIsNamedEvenAfterInfinitiesAndWithEitherSign() {
        float negativeNaN = Float.intBitsToFloat(0xFFC00000);
        float[] s = {Float.POSITIVE_INFINITY, 1f, Float.NEGATIVE_INFINITY, negativeNaN, Float.NaN};
        assertThatThrownBy(() -> selector.select(s, s.length, 1, out)).hasMessageContaining("index 3 is NaN");
        assertThatThrownBy(() -> selector.selectAbs(s, s.length, 1, out)).hasMessageContaining("index 3 is NaN");
        assertThatThrownBy(() -> selector.select(s, s.length, 0, out)).hasMessageContaining("index 3 is NaN");
    }

    @Test
    void equalScoresInOneBucketGoToTheLowestIndices() {
        float[] s = new float[10];
        Arrays.fill(s, -1f);
        int m = selector.selectAbs(s, s.length, 3, out);
        assertThat(Arrays.copyOf(out, m)).containsExactly(0, 1, 2);
        s[7] = Math.nextUp(-1f);
        m = selector.select(s, s.length, 3, out);
        assertThat(Arrays.copyOf(out, m)).containsExactly(0, 1, 7);
    }

    @Test
    void absoluteSelectionMatchesAFullSortOnWideVectorsWithTiesAtTheCut() {
        Random rnd = new Random(11);
        int n = 17920;
        TopKSelector wide = new TopKSelector(n);
        int[] got = new int[n];
        for (int trial = 0; trial < 6; trial++) {
            float[] v = new float[n];
            for (int i = 0; i < n; i++) {
                double x = trial % 2 == 0 ? rnd.nextGaussian() : (rnd.nextInt(40) - 20) / 8.0;
                v[i] = (float) x;
            }
            int k = (int) ((0.1 + 0.15 * trial) * n);
            int m = wide.selectAbs(v, n, k, got);
            int[] expected = IntStream.range(0, n).boxed()
                    .sorted(Comparator.<Integer>comparingDouble(i -> -Math.abs(v[i])).thenComparingInt(i -> i))
                    .limit(k).mapToInt(Integer::intValue).sorted().toArray();
            assertThat(Arrays.copyOf(got, m)).as("trial %d k=%d", trial, k).containsExactly(expected);
        }
    }
}

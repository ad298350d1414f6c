package org.pocketsim.kernel.select;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TopKSelectorTest {

    private final TopKSelector selector = new TopKSelector(64);
    private final int[] out = new int[64];

    private int[] top(float[] s, int k) {
        int m = selector.select(s, s.length, k, out);
        return Arrays.copyOf(out, m);
    }

    @Test
    void picksTheLargestScoresInAscendingIndexOrder() {
        float[] s = {0.5f, 3f, -1f, 2f, 7f, 0f};
        assertThat(top(s, 3)).containsExactly(1, 3, 4);
        assertThat(top(s, 1)).containsExactly(4);
        assertThat(top(s, 0)).isEmpty();
        assertThat(top(s, 6)).containsExactly(0, 1, 2, 3, 4, 5);
    }

    @Test
    void tiesGoToTheLowerIndex() {
        float[] s = {1f, 2f, 1f, 2f, 1f, 2f};
        assertThat(top(s, 2)).containsExactly(1, 3);
        assertThat(top(s, 4)).containsExactly(0, 1, 3, 5);
    }

    @Test
    void negativeScoresAndSignedZeroFollowFloatCompare() {
        float[] s = {-3f, -0.0f, -1f, 0.0f, -2f};
        assertThat(top(s, 1)).containsExactly(3);
        assertThat(top(s, 2)).containsExactly(1, 3);
        assertThat(top(s, 3)).containsExactly(1, 2, 3);
        assertThat(top(new float[] {Float.NEGATIVE_INFINITY, -Float.MAX_VALUE, Float.POSITIVE_INFINITY}, 2))
                .containsExactly(1, 2);
    }

    @Test
    void absoluteSelectionRanksByMagnitude() {
        float[] v = {-5f, 1f, 4f, -4f, 0.25f};
        int m = selector.selectAbs(v, v.length, 3, out);
        assertThat(Arrays.copyOf(out, m)).containsExactly(0, 2, 3);
    }

    @Test
    void scoresDifferingOnlyInLowBitsAreSeparated() {
        float a = 1.0f;
        float b = Math.nextUp(a);
        float c = Math.nextUp(b);
        float[] s = {a, c, b, a, c};
        assertThat(top(s, 1)).containsExactly(1);
        assertThat(top(s, 3)).containsExactly(1, 2, 4);
    }

    @Test
    void matchesAFullSortOnRandomVectorsWithManyTies() {
        Random rnd = new Random(7);
        TopKSelector big = new TopKSelector(5000);
        int[] got = new int[5000];
        for (int trial = 0; trial < 50; trial++) {
            int n = 1 + rnd.nextInt(5000);
            float[] s = new float[n];
            for (int i = 0; i < n; i++) s[i] = trial % 2 == 0 ? (float) rnd.nextGaussian() : rnd.nextInt(20) - 10;
            int k = rnd.nextInt(n + 1);
            int m = big.select(s, n, k, got);
            int[] expected = IntStream.range(0, n).boxed()
                    .sorted(Comparator.<Integer>comparingDouble(i -> -s[i]).thenComparingInt(i -> i))
                    .limit(k).mapToInt(Integer::intValue).sorted().toArray();
            assertThat(Arrays.copyOf(got, m)).as("trial %d n=%d k=%d", trial, n, k).containsExactly(expected);
        }
    }

    @Test
    void onlyTheFirstNScoresAreConsidered() {
        float[] s = {1f, 2f, 3f, 100f};
        int m = selector.select(s, 3, 1, out);
        assertThat(Arrays.copyOf(out, m)).containsExactly(2);
    }

    @Test
    void badArgumentsAreRejectedWithClearMessages() {
        assertThatThrownBy(() -> selector.select(new float[] {1f, Float.NaN}, 2, 1, out))
                .hasMessageContaining("index 1 is NaN");
        assertThatThrownBy(() -> selector.select(new float[3], 3, 4, out)).hasMessageContaining("k = 4");
        assertThatThrownBy(() -> selector.select(new float[100], 100, 1, out)).hasMessageContaining("capacity 64");
        assertThatThrownBy(() -> selector.select(new float[3], 3, 2, new int[1])).hasMessageContaining("cannot hold");
        assertThatThrownBy(() -> new TopKSelector(0)).hasMessageContaining("at least 1");
    }
}

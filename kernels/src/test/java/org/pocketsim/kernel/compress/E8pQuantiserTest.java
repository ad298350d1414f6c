package org.pocketsim.kernel.compress;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The E8P grid is QuIP#'s, and the fast nearest-point search equals a search over all 65,536 codewords. */
class E8pQuantiserTest {

    /** All 2^16 codewords enumerated directly: each abs entry, every even-sum sign pattern, +-1/4. */
    private static double[][] fullGrid() {
        double[][] out = new double[65536][];
        int n = 0;
        for (double[] a : E8pQuantiser.ABS) {
            for (int signs = 0; signs < 256; signs++) {
                double sum = 0;
                double[] v = new double[8];
                for (int i = 0; i < 8; i++) {
                    v[i] = ((signs >> i) & 1) == 1 ? -a[i] : a[i];
                    sum += v[i];
                }
                if (Math.abs(Math.IEEEremainder(sum, 2)) > 0.5) continue;
                for (double shift : new double[] {0.25, -0.25}) {
                    double[] p = new double[8];
                    for (int i = 0; i < 8; i++) p[i] = v[i] + shift;
                    out[n++] = p;
                }
            }
        }
        assertThat(n).isEqualTo(65536);
        return out;
    }

    @Test
    void theAbsoluteGridHas227BallEntriesAnd29OfNormTwelveOneRepeated() {
        assertThat(E8pQuantiser.ABS).hasNumberOfRows(256);
        int ball = 0;
        Set<List<Double>> distinct = new HashSet<>();
        for (double[] a : E8pQuantiser.ABS) {
            double norm = 0;
            for (double x : a) norm += x * x;
            if (norm <= 10) ball++;
            else assertThat(norm).isEqualTo(12.0);
            distinct.add(List.of(a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7]));
        }
        assertThat(ball).isEqualTo(227);
        // all 256 absolute entries distinct (the reference's 28th norm-12 entry is (1, 1, 3, 3, 1, 3, 3, 3) / 2)
        assertThat(distinct).hasSize(256);
    }

    @Test
    void fastNearestPointEqualsExhaustiveSearch() {
        double[][] grid = fullGrid();
        SplittableRandom rng = new SplittableRandom(3);
        double[] x = new double[8];
        double[] got = new double[8];
        for (int trial = 0; trial < 300; trial++) {
            for (int i = 0; i < 8; i++) x[i] = 1.2 * (rng.nextDouble() * 2 - 1) * 2;
            E8pQuantiser.nearest(x, 0, got);
            double best = Double.POSITIVE_INFINITY;
            for (double[] p : grid) {
                double d = 0;
                for (int i = 0; i < 8; i++) d += (x[i] - p[i]) * (x[i] - p[i]);
                best = Math.min(best, d);
            }
            double mine = 0;
            for (int i = 0; i < 8; i++) mine += (x[i] - got[i]) * (x[i] - got[i]);
            assertThat(mine).isCloseTo(best, org.assertj.core.api.Assertions.within(1e-12));
        }
    }

    @Test
    void hadamardRotationsAreUndoneExactlyAndTheMatrixKeepsItsShape() {
        float[] w = new float[16 * 24];
        SplittableRandom rng = new SplittableRandom(5);
        for (int i = 0; i < w.length; i++) w[i] = (float) (rng.nextDouble() - 0.5);
        double[] t = new double[w.length];
        for (int i = 0; i < w.length; i++) t[i] = w[i];
        E8pQuantiser.hadamardRows(t, 16, 24);
        E8pQuantiser.hadamardColumns(t, 16, 24);
        E8pQuantiser.hadamardColumns(t, 16, 24);
        E8pQuantiser.hadamardRows(t, 16, 24);
        for (int i = 0; i < w.length; i++) assertThat(t[i]).isCloseTo(w[i], org.assertj.core.api.Assertions.within(1e-12));
        // 24 columns: blocks of 8 (the largest power of two dividing 24)
        assertThat(E8pQuantiser.block(24)).isEqualTo(8);
        assertThat(E8pQuantiser.quantise(w, 16, 24, 1)).hasSize(w.length);
    }
}

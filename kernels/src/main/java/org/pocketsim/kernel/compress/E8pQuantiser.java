package org.pocketsim.kernel.compress;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * QuIP#'s E8P codebook (Tseng et al., ICML 2024, arXiv 2402.04396) as a fake quantiser of a matrix,
 * for the error study. The 2^16 codewords are the 256 "absolute" entries (the 227 points of |D8 + 1/2|
 * inside the ball of radius sqrt(10) with an even coordinate sum, and 29 entries of five 3/2 and three
 * 1/2; Cornell-RelaxML/quip-sharp@2ddaccf:lib/codebook/latticee8_padded12.py `get_norm12`: 256
 * distinct entries, so the 2^16 codes are distinct points), each with every sign
 * pattern that keeps the coordinate sum even, shifted by +1/4 or -1/4. The nearest codeword of an
 * 8-vector is found exactly without enumerating the 65,536 points: for an absolute entry and a shift,
 * the best signs follow the vector's signs, and when their sum is odd the single cheapest coordinate
 * is flipped (costs are separable per coordinate). Incoherence processing as QuIP#: random-sign
 * Walsh-Hadamard transforms on both sides (block-diagonal when a side is not a power of two), then
 * one scale per matrix chosen by MSE; no BlockLDLQ, no fine-tuning.
 */
public final class E8pQuantiser {

    /** The 256 x 8 absolute grid. */
    static final double[][] ABS = absGrid();
    private static final double[] SCALES = {0.7, 0.8, 0.9, 1.0, 1.1, 1.2, 1.3};

    private E8pQuantiser() {
    }

    static double[][] absGrid() {
        // |D8 + 1/2| in the ball of radius sqrt(10): magnitudes in {1/2, 3/2, 5/2} (7/2 alone exceeds
        // 10). Every magnitude vector has a sign pattern with an even sum (one flip changes the sum by
        // an odd integer), so the entries are all magnitude vectors of norm^2 <= 10: 1 + 162 + 64 = 227.
        List<double[]> out = new ArrayList<>();
        double[] v = new double[8];
        for (int code = 0; code < 6561; code++) {
            int c = code;
            double norm = 0;
            for (int i = 0; i < 8; i++) {
                v[i] = c % 3 + 0.5;
                c /= 3;
                norm += v[i] * v[i];
            }
            if (norm <= 10) out.add(v.clone());
        }
        int[][] norm12 = {
                {3, 1, 1, 1, 3, 3, 3, 3}, {1, 3, 1, 1, 3, 3, 3, 3}, {1, 1, 3, 1, 3, 3, 3, 3}, {1, 1, 1, 3, 3, 3, 3, 3},
                {3, 3, 3, 1, 3, 3, 1, 1}, {3, 3, 3, 1, 3, 1, 3, 1}, {3, 3, 3, 1, 1, 3, 3, 1}, {3, 3, 3, 1, 3, 1, 1, 3},
                {3, 3, 3, 1, 1, 3, 1, 3}, {3, 3, 3, 1, 1, 1, 3, 3}, {3, 3, 1, 3, 3, 3, 1, 1}, {3, 3, 1, 3, 3, 1, 3, 1},
                {3, 3, 1, 3, 1, 3, 3, 1}, {3, 3, 1, 3, 3, 1, 1, 3}, {3, 3, 1, 3, 1, 3, 1, 3}, {3, 3, 1, 3, 1, 1, 3, 3},
                {3, 1, 3, 3, 3, 3, 1, 1}, {3, 1, 3, 3, 3, 1, 3, 1}, {3, 1, 3, 3, 1, 3, 3, 1}, {3, 1, 3, 3, 3, 1, 1, 3},
                {3, 1, 3, 3, 1, 3, 1, 3}, {1, 3, 3, 3, 1, 1, 3, 3}, {1, 3, 3, 3, 3, 3, 1, 1}, {1, 3, 3, 3, 3, 1, 3, 1},
                {1, 3, 3, 3, 1, 3, 3, 1}, {1, 3, 3, 3, 3, 1, 1, 3}, {1, 3, 3, 3, 1, 3, 1, 3}, {1, 1, 3, 3, 1, 3, 3, 3},
                {3, 3, 1, 1, 3, 3, 3, 1}};
        for (int[] row : norm12) {
            double[] a = new double[8];
            for (int i = 0; i < 8; i++) a[i] = row[i] / 2.0;
            out.add(a);
        }
        return out.toArray(new double[0][]);
    }

    /** Writes the nearest E8P codeword of {@code x[off, off+8)} into {@code out[off, off+8)}. */
    static void nearest(double[] x, int off, double[] out) {
        double best = Double.POSITIVE_INFINITY;
        for (double shift : new double[] {0.25, -0.25}) {
            for (double[] a : ABS) {
                double cost = 0;
                double signedSum = 0;
                double cheapest = Double.POSITIVE_INFINITY;
                int flip = 0;
                for (int i = 0; i < 8; i++) {
                    double z = x[off + i] - shift;
                    double d = Math.abs(z) - a[i];
                    cost += d * d;
                    signedSum += z < 0 ? -a[i] : a[i];
                    double penalty = 4 * Math.abs(z) * a[i];
                    if (penalty < cheapest) {
                        cheapest = penalty;
                        flip = i;
                    }
                }
                boolean odd = Math.abs(Math.IEEEremainder(signedSum, 2)) > 0.5;
                if (odd) cost += cheapest;
                if (cost < best) {
                    best = cost;
                    for (int i = 0; i < 8; i++) {
                        double z = x[off + i] - shift;
                        double s = z < 0 ? -1 : 1;
                        if (odd && i == flip) s = -s;
                        out[off + i] = s * a[i] + shift;
                    }
                }
            }
        }
    }

    /** The E8P fake-quantised copy of row-major {@code w} ({@code cols} a multiple of 8). */
    public static float[] quantise(float[] w, int rows, int cols, long seed) {
        if (cols % 8 != 0) throw new IllegalArgumentException("E8P needs cols divisible by 8, got " + cols);
        SplittableRandom rng = new SplittableRandom(seed);
        double[] rowSigns = signs(rows, rng);
        double[] colSigns = signs(cols, rng);
        double[] t = new double[w.length];
        for (int r = 0; r < rows; r++) for (int c = 0; c < cols; c++) t[r * cols + c] = w[r * cols + c] * rowSigns[r] * colSigns[c];
        hadamardRows(t, rows, cols);
        hadamardColumns(t, rows, cols);
        double rms = 0;
        for (double v : t) rms += v * v;
        rms = Math.sqrt(rms / t.length);
        double[] q = new double[t.length];
        double[] best = null;
        double bestErr = Double.POSITIVE_INFINITY;
        double[] scaled = new double[t.length];
        for (double c : SCALES) {
            double s = rms / c;
            for (int i = 0; i < t.length; i++) scaled[i] = t[i] / s;
            double err = 0;
            for (int v = 0; v < t.length; v += 8) nearest(scaled, v, q);
            for (int i = 0; i < t.length; i++) {
                q[i] *= s;
                err += (q[i] - t[i]) * (q[i] - t[i]);
            }
            if (err < bestErr) {
                bestErr = err;
                best = q.clone();
            }
        }
        hadamardColumns(best, rows, cols);
        hadamardRows(best, rows, cols);
        float[] out = new float[w.length];
        for (int r = 0; r < rows; r++) for (int c = 0; c < cols; c++) out[r * cols + c] = (float) (best[r * cols + c] * rowSigns[r] * colSigns[c]);
        return out;
    }

    private static double[] signs(int n, SplittableRandom rng) {
        double[] s = new double[n];
        for (int i = 0; i < n; i++) s[i] = rng.nextBoolean() ? 1 : -1;
        return s;
    }

    /** The largest power of two dividing {@code n}: the block of the block-diagonal Hadamard transform. */
    static int block(int n) {
        return Integer.lowestOneBit(n);
    }

    /** Orthonormal Walsh-Hadamard along each row, in blocks (its own inverse). */
    static void hadamardColumns(double[] t, int rows, int cols) {
        int b = block(cols);
        for (int r = 0; r < rows; r++) for (int s = 0; s < cols; s += b) fwht(t, r * cols + s, 1, b);
    }

    /** Orthonormal Walsh-Hadamard along each column, in blocks. */
    static void hadamardRows(double[] t, int rows, int cols) {
        int b = block(rows);
        for (int c = 0; c < cols; c++) for (int s = 0; s < rows; s += b) fwht(t, s * cols + c, cols, b);
    }

    private static void fwht(double[] t, int start, int stride, int n) {
        for (int h = 1; h < n; h <<= 1) {
            for (int i = 0; i < n; i += h << 1) {
                for (int j = i; j < i + h; j++) {
                    int a = start + j * stride;
                    int b = start + (j + h) * stride;
                    double x = t[a];
                    double y = t[b];
                    t[a] = x + y;
                    t[b] = x - y;
                }
            }
        }
        double norm = 1 / Math.sqrt(n);
        for (int i = 0; i < n; i++) t[start + i * stride] *= norm;
    }
}

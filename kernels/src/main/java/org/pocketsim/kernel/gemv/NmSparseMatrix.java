package org.pocketsim.kernel.gemv;

import org.pocketsim.kernel.format.NumberFormat;

/**
 * N:M structured sparsity (2:4 as on sparse tensor cores, or any N:M): in every run of M
 * consecutive inputs of a row only the N largest-magnitude weights are kept (ties to the lower
 * position). Kept values form a dense {@code rows x (cols * N / M)} matrix stored in any number
 * format; each kept value has a position index of {@code ceil(log2 M)} bits (2 bits for 2:4).
 * Immutable.
 */
public final class NmSparseMatrix {

    private final int rows;
    private final int cols;
    private final int n;
    private final int m;
    private final int indexBits;
    private final QuantizedMatrix values;
    private final byte[] positions;

    private NmSparseMatrix(int rows, int cols, int n, int m, QuantizedMatrix values, byte[] positions) {
        this.rows = rows;
        this.cols = cols;
        this.n = n;
        this.m = m;
        this.indexBits = 32 - Integer.numberOfLeadingZeros(m - 1);
        this.values = values;
        this.positions = positions;
    }

    /** Prunes row-major {@code w} to N:M and stores the kept values in {@code valueFormat}. */
    public static NmSparseMatrix prune(float[] w, int rows, int cols, int n, int m, NumberFormat valueFormat) {
        if (m < 2 || m > 256 || n < 1 || n >= m) throw new IllegalArgumentException("N:M needs 1 <= N < M <= 256, got " + n + ":" + m);
        if (cols % m != 0) throw new IllegalArgumentException("cols = " + cols + " must be a multiple of M = " + m);
        if (w.length != (long) rows * cols) throw new IllegalArgumentException("weights hold " + w.length + " floats, expected " + rows + "x" + cols);
        int kept = cols / m * n;
        float[] keptValues = new float[rows * kept];
        byte[] positions = new byte[rows * kept];
        boolean[] used = new boolean[m];
        for (int r = 0; r < rows; r++) {
            for (int g = 0; g < cols / m; g++) {
                java.util.Arrays.fill(used, false);
                int base = r * cols + g * m;
                // the N largest |w| of the group, emitted in position order
                for (int j = 0; j < n; j++) {
                    int best = -1;
                    for (int p = 0; p < m; p++) {
                        if (!used[p] && (best < 0 || Math.abs(w[base + p]) > Math.abs(w[base + best]))) best = p;
                    }
                    used[best] = true;
                }
                int out = r * kept + g * n;
                for (int p = 0; p < m; p++) {
                    if (used[p]) {
                        keptValues[out] = w[base + p];
                        positions[out++] = (byte) p;
                    }
                }
            }
        }
        QuantizedMatrix values = QuantizedMatrix.encode(keptValues, rows, kept, valueFormat, Layout.ROWS);
        return new NmSparseMatrix(rows, cols, n, m, values, positions);
    }

    public int rows() { return rows; }

    public int cols() { return cols; }

    public int n() { return n; }

    public int m() { return m; }

    /** Kept values per row: {@code cols * N / M}. */
    public int keptPerRow() { return values.cols(); }

    public QuantizedMatrix values() { return values; }

    /** Position (0..M-1) within its group of kept value {@code j} of row {@code r}. */
    int position(int r, int j) { return positions[r * values.cols() + j]; }

    /** Bits of one position index: {@code ceil(log2 M)}. */
    public int indexBits() { return indexBits; }

    /** Index metadata bytes of one row: {@code ceil(keptPerRow * indexBits / 8)}. */
    public long indexBytesPerRow() { return ((long) keptPerRow() * indexBits + 7) / 8; }

    /** The pruned matrix with the stored (quantised) values, dense row-major: the reference the kernel computes. */
    public float[] decodeAll() {
        float[] kept = values.decodeAll();
        float[] out = new float[rows * cols];
        int k = keptPerRow();
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < k; j++) out[r * cols + (j / n) * m + position(r, j)] = kept[r * k + j];
        }
        return out;
    }
}

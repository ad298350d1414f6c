package org.pocketsim.kernel.format;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Vector quantisation: consecutive runs of {@code d} elements are replaced by the index of the
 * nearest (L2) of {@code 2^b} codewords. A trailing partial vector is matched on its first
 * elements only. No metadata words.
 *
 * <p>Storage: the {@code b}-bit index per {@code d} weights, plus one FP16 codebook
 * ({@code 2^b * d * 16} bits) per group of {@link #codebookGroup()} weights, so bits per element =
 * {@code b/d + 2^b * d * 16 / G}. The group is what the name's {@code -g<G>} says, by default
 * {@link #DEFAULT_CODEBOOK_GROUP} = 2^24 weights (one codebook per 4096 x 4096 matrix, "per layer"
 * as AQLM stores them; GPTVQ's small per-block codebooks use a smaller {@code -g}). FP16 codebook
 * storage is assumed (GPTVQ further quantises its codebooks to 8 bits; not modelled).
 */
public final class VectorQuantFormat implements BlockFormat {
    private final String name;
    private final int indexBits;
    private final int dim;
    private final float[] codebook;
    private final long codebookGroup;

    /** Weights that share one codebook unless the name says otherwise: 2^24 (a 4096 x 4096 matrix). */
    public static final long DEFAULT_CODEBOOK_GROUP = 1L << 24;

    /** As {@link #VectorQuantFormat(String, int, int, float[], long)} with the default codebook group. */
    public VectorQuantFormat(String name, int indexBits, int dim, float[] codebook) {
        this(name, indexBits, dim, codebook, DEFAULT_CODEBOOK_GROUP);
    }

    /**
     * @param codebook      {@code 2^indexBits * dim} floats, codeword {@code k} at {@code [k*dim, (k+1)*dim)}
     * @param codebookGroup weights that share one stored codebook (its bytes are counted once per group)
     */
    public VectorQuantFormat(String name, int indexBits, int dim, float[] codebook, long codebookGroup) {
        if (indexBits < 1 || indexBits > 16 || dim < 1) {
            throw new IllegalArgumentException(name + ": need 1 <= indexBits <= 16 and dim >= 1, got b="
                    + indexBits + " d=" + dim);
        }
        if (codebook.length != (1 << indexBits) * dim) {
            throw new IllegalArgumentException(name + ": codebook must hold 2^" + indexBits + " x " + dim
                    + " floats, got " + codebook.length);
        }
        this.name = name;
        this.indexBits = indexBits;
        this.dim = dim;
        if (codebookGroup < 1) {
            throw new IllegalArgumentException(name + ": the codebook group must hold at least one weight, got " + codebookGroup);
        }
        this.codebook = codebook.clone();
        this.codebookGroup = codebookGroup;
    }

    /** A copy with the codebook shared by groups of {@code group} weights. */
    public VectorQuantFormat withCodebookGroup(String name, long group) {
        return new VectorQuantFormat(name, indexBits, dim, codebook, group);
    }

    /**
     * Trains a codebook with Lloyd's k-means on {@code data} (vectors of {@code d} consecutive
     * floats), initialised from distinct seeded picks of data vectors.
     */
    public static VectorQuantFormat train(String name, int indexBits, int dim, float[] data, long seed, int iterations) {
        int k = 1 << indexBits;
        int n = data.length / dim;
        if (n < k) {
            throw new IllegalArgumentException(name + ": need at least " + k + " training vectors, got " + n);
        }
        float[] book = new float[k * dim];
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        SplittableRandom rng = new SplittableRandom(seed);
        for (int i = 0; i < k; i++) {
            int j = i + rng.nextInt(n - i);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
            System.arraycopy(data, order[i] * dim, book, i * dim, dim);
        }
        double[] sums = new double[k * dim];
        int[] counts = new int[k];
        for (int it = 0; it < iterations; it++) {
            Arrays.fill(sums, 0);
            Arrays.fill(counts, 0);
            for (int v = 0; v < n; v++) {
                int c = nearest(book, k, dim, data, v * dim, dim);
                counts[c]++;
                for (int j = 0; j < dim; j++) {
                    sums[c * dim + j] += data[v * dim + j];
                }
            }
            for (int c = 0; c < k; c++) {
                for (int j = 0; counts[c] > 0 && j < dim; j++) {
                    book[c * dim + j] = (float) (sums[c * dim + j] / counts[c]);
                }
            }
        }
        return new VectorQuantFormat(name, indexBits, dim, book);
    }

    private static int nearest(float[] book, int k, int dim, float[] src, int off, int len) {
        int best = 0;
        double bestDist = Double.POSITIVE_INFINITY;
        for (int c = 0; c < k; c++) {
            double dist = 0;
            for (int j = 0; j < len; j++) {
                double diff = src[off + j] - book[c * dim + j];
                dist += diff * diff;
            }
            if (dist < bestDist) {
                bestDist = dist;
                best = c;
            }
        }
        return best;
    }

    @Override public String name() { return name; }
    @Override public int blockSize() { return dim; }
    @Override public int metaWordsPerBlock() { return 0; }
    @Override public double bitsPerElement() { return indexBits / (double) dim + codebookBits() / (double) codebookGroup; }
    /** Bits of one stored codebook: {@code 2^b * d} FP16 values. */
    public long codebookBits() { return (1L << indexBits) * dim * 16; }
    /** Weights sharing one codebook. */
    public long codebookGroup() { return codebookGroup; }
    @Override public int codeCount(int len) { return (len + dim - 1) / dim; }
    public int indexBits() { return indexBits; }
    public int dim() { return dim; }

    /** A copy of the codebook. */
    public float[] codebook() {
        return codebook.clone();
    }

    @Override
    public void encode(float[] src, int off, int len, int[] codes, int[] meta) {
        int k = 1 << indexBits;
        for (int v = 0, start = 0; start < len; v++, start += dim) {
            codes[v] = nearest(codebook, k, dim, src, off + start, Math.min(dim, len - start));
        }
    }

    @Override
    public void decode(int[] codes, int[] meta, int len, float[] dst, int off) {
        for (int v = 0, start = 0; start < len; v++, start += dim) {
            System.arraycopy(codebook, codes[v] * dim, dst, off + start, Math.min(dim, len - start));
        }
    }

    @Override
    public String toString() {
        return name;
    }
}

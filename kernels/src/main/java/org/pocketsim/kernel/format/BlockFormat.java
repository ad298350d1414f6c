package org.pocketsim.kernel.format;

/**
 * A format whose elements share per-block metadata: a scale (E8M0, FP16, FP32), a zero point
 * or a codebook. Blocks are consecutive runs of {@link #blockSize()} elements; a tensor whose
 * length is not a multiple of the block size ends in a shorter block with its own metadata.
 *
 * <p>Encoded data is two primitive arrays: {@code codes} (one int per element, or per vector
 * for vector quantisation, see {@link #codeCount(int)}) and {@code meta} ({@link
 * #metaWordsPerBlock()} ints per block, e.g. the E8M0 code or the FP16 bits of a scale).
 */
public sealed interface BlockFormat extends NumberFormat
        permits MxFormat, GroupIntFormat, Nf4Format, TernaryFormat, VectorQuantFormat, GgmlFormat, CompressedFormat {

    /** Elements sharing one set of metadata. */
    int blockSize();

    /** Int words of metadata stored per block. */
    int metaWordsPerBlock();

    /** Number of code words for {@code len} elements (one per element unless vectors are coded). */
    default int codeCount(int len) {
        return len;
    }

    /** Number of metadata words for {@code len} elements. */
    default int metaCount(int len) {
        return ((len + blockSize() - 1) / blockSize()) * metaWordsPerBlock();
    }

    /** Encodes {@code src[off, off+len)} into {@code codes[0, codeCount(len))} and {@code meta[0, metaCount(len))}. */
    void encode(float[] src, int off, int len, int[] codes, int[] meta);

    /** Decodes {@code len} elements from {@code codes} and {@code meta} into {@code dst[off, off+len)}. */
    void decode(int[] codes, int[] meta, int len, float[] dst, int off);

    /**
     * Round trip through the codes. Works block by block with small reusable buffers, so it
     * allocates per call, never per element.
     */
    @Override
    default void roundTrip(float[] src, float[] dst, int off, int len) {
        int b = blockSize();
        int[] codes = new int[codeCount(b)];
        int[] meta = new int[metaWordsPerBlock()];
        for (int start = 0; start < len; start += b) {
            int n = Math.min(b, len - start);
            encode(src, off + start, n, codes, meta);
            decode(codes, meta, n, dst, off + start);
        }
    }
}

package org.pocketsim.kernel.format;

/**
 * A number format of weights or activations: bit-exact encode/decode and storage cost.
 *
 * <p>Two families: {@link ScalarFormat} (one code per element, no scale: integers and ExMy
 * floats) and {@link BlockFormat} (elements share per-block metadata such as an E8M0 or FP16
 * scale, or a codebook). {@link #bitsPerElement()} includes that overhead, so that memory
 * traffic of a tensor is {@code elements * bitsPerElement() / 8} bytes.
 *
 * <p>Formats are immutable and thread-safe; names are the keys of {@link FormatRegistry}.
 */
public sealed interface NumberFormat permits ScalarFormat, BlockFormat {

    /** Registry name, e.g. {@code fp8-e4m3}, {@code mxfp4}, {@code int4-g128}. */
    String name();

    /** Storage bits per element, including shared scales, zero points and indices. */
    double bitsPerElement();

    /**
     * Encodes {@code src[off, off+len)} and decodes it again into {@code dst[off, off+len)}:
     * the values a kernel sees after storing the data in this format. Scalar formats apply
     * no scaling (values outside the range saturate or overflow as the format says); block
     * formats compute their own scales. Allocates nothing per element.
     */
    void roundTrip(float[] src, float[] dst, int off, int len);

    /**
     * Bytes of a row-major matrix of {@code rows} rows of {@code rowLength} elements stored in
     * this format, each row starting on a fresh block (as llama.cpp and group formats store them).
     */
    default long matrixBytes(long rows, long rowLength) {
        return (long) Math.ceil(rows * rowLength * bitsPerElement() / 8);
    }
}

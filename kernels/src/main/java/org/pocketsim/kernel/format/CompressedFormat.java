package org.pocketsim.kernel.format;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Weight-compression formats beyond scalar and group quantisation, with their exact storage per
 * weight split into payload, scales, indices and codebooks. Their numerics run in the GEMV
 * kernels ({@code OutlierGemv} for SpQR, {@code NmSparseGemv} for N:M) and in the capture tool's
 * quantisers (E8P, AQLM); this class is storage only, so {@link #encode} and {@link #decode} refuse,
 * as the llama.cpp super-block types do.
 *
 * <p>Names and layouts (bits per weight = payload + scales + indices + codebooks):
 * <ul>
 *   <li>{@code e8p}: QuIP#'s E8P (Tseng et al., ICML 2024, arXiv 2402.04396, Sec. 4): one 16-bit
 *       code per 8 weights (8 bits: one of 256 entries of the absolute grid, 7 sign bits, the 8th
 *       sign from parity, 1 bit for the +-1/4 shift; 2^16 points of E8 + 1/4). The stored codebook
 *       is the 256 x 8 absolute grid as int8 quarter-units (2 KiB, as the reference kernel packs it:
 *       Cornell-RelaxML/quip-sharp@2ddaccf:lib/codebook/latticee8_padded12.py); per matrix one FP32
 *       scale and the random-sign vectors SU, SV (one value per input column and output row, counted as
 *       FP16: assumed, the reference multiplies activations by them as tensors; 1 bit each would do).
 *       These per-matrix parts are counted per 4096 x 4096 tile (2^24 weights).</li>
 *   <li>{@code aqlm-<M>x<b>[-g<G>]}: AQLM (Egiazarian et al., ICML 2024, arXiv 2401.06118): groups
 *       of 8 weights coded as the sum of M codewords, one from each of M codebooks of 2^b codes,
 *       so M*b/8 bits of codes per weight; the M FP16 codebooks (2^b x 8 each) counted once per G
 *       weights (default 2^24, one set per 4096 x 4096 matrix); one FP16 scale per output row,
 *       counted per 4096 weights. {@code aqlm-1x16} and {@code aqlm-2x8} are the paper's 2-bit
 *       configurations.</li>
 *   <li>{@code spqr-int<b>-g<G>-o<p>}: dense-and-sparse after SpQR (Dettmers et al., arXiv
 *       2306.03078): every weight coded densely in {@code int<b>-g<G>} (FP16 scale per G; the
 *       outlier positions hold a zero code), plus p% of the weights as FP16 outliers in CSR with a
 *       16-bit column index each (32 bits per outlier, SpQR's own accounting of an outlier) and one
 *       32-bit row pointer per output row, counted per 4096 weights. This is {@code OutlierGemv}'s
 *       layout; SpQR's own bilevel 3-bit statistics per 16 weights are not modelled.</li>
 *   <li>{@code <N>of<M>-<values>}: N:M structured sparsity (NVIDIA's 2:4, Mishra et al., arXiv
 *       2104.08378): the N kept values of every M stored in the value format (its scales over the
 *       kept values, as {@code NmSparseMatrix} stores them) plus a ceil(log2 M)-bit position per
 *       kept value: N/M * (value bits + ceil(log2 M)).</li>
 * </ul>
 */
public final class CompressedFormat implements BlockFormat {

    /** The name patterns this class answers, for error messages. */
    public static final String PATTERNS = "e8p, aqlm-<M>x<b>[-g<G>], spqr-int<b>-g<G>-o<percent>, <N>of<M>-<value format>";

    /** Weights per matrix that per-matrix parts (codebooks, scales, sign vectors) are counted over: a 4096 x 4096 tile. */
    public static final long MATRIX_WEIGHTS = 1L << 24;
    /** Row length that per-row parts (AQLM row scales, CSR row pointers) are counted over. */
    public static final int ROW_WEIGHTS = 4096;

    private static final Pattern AQLM = Pattern.compile("aqlm-(\\d+)x(\\d+)(?:-g(\\d+))?");
    private static final Pattern SPQR = Pattern.compile("spqr-(int\\d+-g\\d+)-o(\\d+(?:\\.\\d+)?)");
    private static final Pattern NM = Pattern.compile("(\\d+)of(\\d+)-(.+)");

    /** Storage bits per weight by part. */
    public record Bits(double payload, double scales, double indices, double codebooks) {
        public double total() {
            return payload + scales + indices + codebooks;
        }
    }

    /** The family, which says what decoding a weight takes. */
    public enum Kind { E8P, AQLM, SPQR, NM }

    private final String name;
    private final int blockSize;
    private final Bits bits;
    private final Kind kind;
    private final int first;
    private final int second;
    private final double outlierShare;
    private final NumberFormat inner;

    private CompressedFormat(String name, int blockSize, Bits bits, Kind kind, int first, int second, double outlierShare,
                             NumberFormat inner) {
        this.name = name;
        this.blockSize = blockSize;
        this.bits = bits;
        this.kind = kind;
        this.first = first;
        this.second = second;
        this.outlierShare = outlierShare;
        this.inner = inner;
    }

    /** The compression format called {@code name}, or null when the name is not one of {@link #PATTERNS}. */
    static CompressedFormat of(String name) {
        if (name.equals("e8p")) {
            long side = 4096;
            return new CompressedFormat(name, 8, new Bits(16 / 8.0, (32 + 2 * side * 16) / (double) MATRIX_WEIGHTS,
                    0, 256 * 8 * 8 / (double) MATRIX_WEIGHTS), Kind.E8P, 1, 16, 0, null);
        }
        Matcher m = AQLM.matcher(name);
        if (m.matches()) {
            int books = positive(name, m.group(1));
            int codeBits = positive(name, m.group(2));
            if (codeBits > 16 || books > 8) {
                throw new IllegalArgumentException("number format '" + name + "': AQLM needs at most 8 codebooks of at most 2^16 codes");
            }
            long group = m.group(3) == null ? MATRIX_WEIGHTS : positive(name, m.group(3));
            double codebooks = books * (1L << codeBits) * 8.0 * 16 / group;
            return new CompressedFormat(name, 8, new Bits(books * codeBits / 8.0, 16.0 / ROW_WEIGHTS, 0, codebooks),
                    Kind.AQLM, books, codeBits, 0, null);
        }
        m = SPQR.matcher(name);
        if (m.matches()) {
            NumberFormat dense = FormatRegistry.get(m.group(1));
            GroupIntFormat g = (GroupIntFormat) dense;
            double share = Double.parseDouble(m.group(2)) / 100;
            if (share >= 1) throw new IllegalArgumentException("number format '" + name + "': the outlier share must be below 100%");
            int codeBits = g.element().bits();
            return new CompressedFormat(name, g.blockSize(), new Bits(codeBits + share * 16,
                    dense.bitsPerElement() - codeBits, share * 16 + 32.0 / ROW_WEIGHTS, 0), Kind.SPQR, 0, 0, share, dense);
        }
        m = NM.matcher(name);
        if (m.matches()) {
            int n = positive(name, m.group(1));
            int mm = positive(name, m.group(2));
            if (n >= mm || mm > 256) throw new IllegalArgumentException("number format '" + name + "': N:M needs 1 <= N < M <= 256");
            NumberFormat values = FormatRegistry.get(m.group(3));
            double kept = n / (double) mm;
            int indexBits = 32 - Integer.numberOfLeadingZeros(mm - 1);
            double payload = kept * valuePayloadBits(values);
            return new CompressedFormat(name, mm, new Bits(payload, kept * values.bitsPerElement() - payload, kept * indexBits, 0),
                    Kind.NM, n, mm, 0, values);
        }
        return null;
    }

    private static double valuePayloadBits(NumberFormat f) {
        if (f instanceof ScalarFormat s) return s.bits();
        if (f instanceof GroupIntFormat g) return g.element().bits();
        if (f instanceof Nf4Format) return 4;
        return f.bitsPerElement();
    }

    private static int positive(String name, String digits) {
        int v = Integer.parseInt(digits);
        if (v < 1) throw new IllegalArgumentException("number format '" + name + "': sizes must be >= 1, got " + v);
        return v;
    }

    /** Bits per weight by part. */
    public Bits bits() {
        return bits;
    }

    public Kind kind() {
        return kind;
    }

    /** AQLM: codebooks M; E8P: 1; N:M: N. */
    public int first() {
        return first;
    }

    /** AQLM: bits per code b; E8P: 16; N:M: M. */
    public int second() {
        return second;
    }

    /** SpQR: the share of weights kept as FP16 outliers (0.01 = 1%). */
    public double outlierShare() {
        return outlierShare;
    }

    /** SpQR: the dense format; N:M: the format of the kept values; otherwise null. */
    public NumberFormat inner() {
        return inner;
    }

    @Override public String name() { return name; }
    @Override public double bitsPerElement() { return bits.total(); }
    @Override public int blockSize() { return blockSize; }
    @Override public int metaWordsPerBlock() { return 0; }

    @Override
    public void encode(float[] src, int off, int len, int[] codes, int[] meta) {
        throw new UnsupportedOperationException(name + " is storage only here: its numerics run in OutlierGemv / NmSparseGemv"
                + " or the capture tool's quantisers (tools/trace-capture/compress_quant.py)");
    }

    @Override
    public void decode(int[] codes, int[] meta, int len, float[] dst, int off) {
        encode(null, 0, 0, null, null);
    }

    @Override
    public String toString() {
        return name;
    }
}

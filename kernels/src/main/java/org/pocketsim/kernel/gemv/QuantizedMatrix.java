package org.pocketsim.kernel.gemv;

import org.pocketsim.kernel.format.BlockFormat;
import org.pocketsim.kernel.format.FormatRegistry;
import org.pocketsim.kernel.format.NumberFormat;
import org.pocketsim.kernel.format.ScalarFormat;

/**
 * A weight matrix {@code W} ({@code rows x cols}, rows = output features) stored in a number
 * format, cut into lines ({@link Layout}) that are encoded independently, as a kernel streams them.
 *
 * <p>Storage: codes of up to 4 bits are packed two per byte, codes of 5 to 8 bits one per byte,
 * wider codes in ints; block metadata (scales, zero points) as the format's meta words. Scalar
 * formats of 8 bits or fewer (INT8, FP8, INT4 without groups) get one FP16 scale per line
 * ({@code absmax / maxFinite}, i.e. per-channel scaling); wider scalar formats (FP16, BF16,
 * FP32) are stored unscaled. Immutable after construction.
 *
 * <p>Byte accounting per line: payload {@code ceil(codes * codeBits / 8)}; metadata
 * {@code ceil(blocks * metaBitsPerBlock / 8)} plus 2 bytes for a per-line FP16 scale.
 */
public final class QuantizedMatrix {

    private static final ScalarFormat FP16 = FormatRegistry.scalar("fp16");

    private final NumberFormat format;
    private final Layout layout;
    private final int rows;
    private final int cols;
    private final int lines;
    private final int lineLength;
    private final int codeBits;
    private final int codesPerLine;
    private final int bytesPerLinePacked;
    private final byte[] packed;
    private final int[] wide;
    private final int[] meta;
    private final int metaPerLine;
    private final float[] lineScale;

    private QuantizedMatrix(NumberFormat format, Layout layout, int rows, int cols) {
        this.format = format;
        this.layout = layout;
        this.rows = rows;
        this.cols = cols;
        this.lines = layout == Layout.ROWS ? rows : cols;
        this.lineLength = layout == Layout.ROWS ? cols : rows;
        this.codeBits = FormatBits.codeBits(format);
        this.codesPerLine = format instanceof BlockFormat b ? b.codeCount(lineLength) : lineLength;
        this.bytesPerLinePacked = codeBits <= 4 ? (codesPerLine + 1) / 2 : codesPerLine;
        long packedSize = (long) lines * bytesPerLinePacked;
        if (codeBits <= 8 && packedSize > Integer.MAX_VALUE - 8) throw new IllegalArgumentException("matrix too large: " + rows + "x" + cols);
        this.packed = codeBits <= 8 ? new byte[(int) packedSize] : null;
        this.wide = codeBits > 8 ? new int[Math.multiplyExact(lines, codesPerLine)] : null;
        this.metaPerLine = format instanceof BlockFormat b ? b.metaCount(lineLength) : 0;
        this.meta = new int[Math.multiplyExact(lines, metaPerLine)];
        this.lineScale = format instanceof ScalarFormat s && s.bits() <= 8 ? new float[lines] : null;
    }

    /** Encodes row-major {@code w} ({@code rows * cols} floats) in {@code format}, cut into lines by {@code layout}. */
    public static QuantizedMatrix encode(float[] w, int rows, int cols, NumberFormat format, Layout layout) {
        if (rows < 1 || cols < 1) throw new IllegalArgumentException("matrix dims must be positive, got " + rows + "x" + cols);
        if (w.length != (long) rows * cols) {
            throw new IllegalArgumentException("weights hold " + w.length + " floats, expected " + rows + "x" + cols);
        }
        QuantizedMatrix m = new QuantizedMatrix(format, layout, rows, cols);
        float[] line = new float[m.lineLength];
        int[] codes = new int[m.codesPerLine];
        int[] lineMeta = new int[Math.max(1, m.metaPerLine)];
        for (int l = 0; l < m.lines; l++) {
            for (int i = 0; i < m.lineLength; i++) line[i] = layout == Layout.ROWS ? w[l * cols + i] : w[i * cols + l];
            m.encodeLine(l, line, codes, lineMeta);
        }
        return m;
    }

    private void encodeLine(int l, float[] line, int[] codes, int[] lineMeta) {
        if (format instanceof BlockFormat b) {
            b.encode(line, 0, lineLength, codes, lineMeta);
            System.arraycopy(lineMeta, 0, meta, l * metaPerLine, metaPerLine);
        } else {
            ScalarFormat s = (ScalarFormat) format;
            double scale = 1;
            if (lineScale != null) {
                double absmax = 0;
                for (float v : line) absmax = Math.max(absmax, Math.abs(v));
                scale = FP16.decode(FP16.encode(absmax / s.maxFinite()));
                lineScale[l] = (float) scale;
            }
            double inv = scale > 0 ? 1 / scale : 0;
            for (int i = 0; i < lineLength; i++) codes[i] = s.encode(line[i] * inv);
        }
        if (wide != null) {
            System.arraycopy(codes, 0, wide, l * codesPerLine, codesPerLine);
        } else if (codeBits <= 4) {
            int base = l * bytesPerLinePacked;
            for (int i = 0; i < codesPerLine; i++) {
                int shift = (i & 1) * 4;
                packed[base + (i >> 1)] |= (byte) ((codes[i] & 0xF) << shift);
            }
        } else {
            int base = l * bytesPerLinePacked;
            for (int i = 0; i < codesPerLine; i++) packed[base + i] = (byte) codes[i];
        }
    }

    /** Unpacks the codes of line {@code l} into {@code codes[0..codesPerLine)}. */
    void codes(int l, int[] codes) {
        if (wide != null) {
            System.arraycopy(wide, l * codesPerLine, codes, 0, codesPerLine);
        } else if (codeBits <= 4) {
            int base = l * bytesPerLinePacked;
            for (int i = 0; i < codesPerLine; i++) codes[i] = (packed[base + (i >> 1)] >> ((i & 1) * 4)) & 0xF;
        } else {
            int base = l * bytesPerLinePacked;
            for (int i = 0; i < codesPerLine; i++) codes[i] = packed[base + i] & 0xFF;
        }
    }

    /** Meta words of line {@code l} into {@code dst[0..metaPerLine)}. */
    void meta(int l, int[] dst) {
        System.arraycopy(meta, l * metaPerLine, dst, 0, metaPerLine);
    }

    /**
     * Decodes line {@code l} into {@code dst[0..lineLength)} with the format's own decoder, using
     * caller scratch {@code codes} (codesPerLine) and {@code metaScratch} (metaPerLine, at least 1).
     */
    public void decodeLine(int l, float[] dst, int[] codes, int[] metaScratch) {
        codes(l, codes);
        if (format instanceof BlockFormat b) {
            meta(l, metaScratch);
            b.decode(codes, metaScratch, lineLength, dst, 0);
        } else {
            ScalarFormat s = (ScalarFormat) format;
            float scale = lineScale == null ? 1f : lineScale[l];
            for (int i = 0; i < lineLength; i++) dst[i] = (float) (s.decode(codes[i]) * scale);
        }
    }

    /** The whole matrix decoded, row-major: what the kernel multiplies (for references and tests). */
    public float[] decodeAll() {
        float[] out = new float[rows * cols];
        float[] line = new float[lineLength];
        int[] codes = new int[codesPerLine];
        int[] m = new int[Math.max(1, metaPerLine)];
        for (int l = 0; l < lines; l++) {
            decodeLine(l, line, codes, m);
            for (int i = 0; i < lineLength; i++) {
                if (layout == Layout.ROWS) out[l * cols + i] = line[i]; else out[i * cols + l] = line[i];
            }
        }
        return out;
    }

    public NumberFormat format() { return format; }

    public Layout layout() { return layout; }

    public int rows() { return rows; }

    public int cols() { return cols; }

    public int lines() { return lines; }

    public int lineLength() { return lineLength; }

    public int codeBits() { return codeBits; }

    public int codesPerLine() { return codesPerLine; }

    public int metaPerLine() { return metaPerLine; }

    /** Per-line FP16 scale of a scaled scalar format, or 1. */
    float lineScale(int l) { return lineScale == null ? 1f : lineScale[l]; }

    /** Packed code bytes (codes of at most 8 bits), or null. Shared, do not modify. */
    byte[] packedCodes() { return packed; }

    int[] metaWords() { return meta; }

    /** Payload bytes of one line: {@code ceil(codesPerLine * codeBits / 8)}. */
    public long weightBytesPerLine() {
        return ((long) codesPerLine * codeBits + 7) / 8;
    }

    /** Metadata bytes of one line: block scales/zero points, plus 2 for a per-line FP16 scale. */
    public long scaleBytesPerLine() {
        long blocks = format instanceof BlockFormat b ? (lineLength + b.blockSize() - 1) / b.blockSize() : 0;
        long bits = blocks * FormatBits.metaBitsPerBlock(format);
        return (bits + 7) / 8 + (lineScale != null ? 2 : 0);
    }
}

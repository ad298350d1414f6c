package org.pocketsim.kernel.gemv;

import org.pocketsim.kernel.format.FloatFormat;
import org.pocketsim.kernel.format.GroupIntFormat;
import org.pocketsim.kernel.format.IntFormat;
import org.pocketsim.kernel.format.Nf4Format;
import org.pocketsim.kernel.format.VectorQuantFormat;
import org.pocketsim.kernel.work.KernelWork;
import org.pocketsim.kernel.work.MemoryTier;
import org.pocketsim.kernel.work.Region;

/**
 * Dense GEMV {@code y = W x} with W stored row by row in any number format with its scales,
 * activations quantised to the spec's format, and accumulation in INT32, FP16 or FP32.
 *
 * <p>Numerics: FP32/FP16 decode each row with the format's own decoder and accumulate the
 * products of dequantised weights and activations (FP16 rounds every product and partial sum).
 * INT32 (integer weights and activations) sums {@code (level - zeroPoint) * activationLevel}
 * exactly per weight block, then adds {@code sum * blockScale * activationScale} in FP32, as
 * integer NPU kernels do. A fast path streams packed symmetric INT4/INT8 group codes directly.
 *
 * <p>Work per call: weight payload and scales of every row from {@code weightTier}; the input
 * vector from {@code ON_CHIP} (assumed: a decode-time activation vector fits in on-chip SRAM);
 * {@code rows * cols} MACs of kind {@link GemvSpec#macKind()}; one dequantisation per weight
 * (none when weights are already in the activation format); NF4 also one lookup per weight.
 * Owns scratch buffers: one instance per thread.
 */
public final class QuantizedGemv {

    // Code byte -> float level tables for the packed fast paths: a table load replaces the
    // int-to-float conversion, whose false register dependency on x86 throttles the scalar loop.
    private static final float[] SIGNED_BYTE = new float[256];
    private static final float[] LOW_NIBBLE = new float[256];
    private static final float[] HIGH_NIBBLE = new float[256];

    static {
        for (int b = 0; b < 256; b++) {
            SIGNED_BYTE[b] = (byte) b;
            LOW_NIBBLE[b] = (b << 28) >> 28;
            HIGH_NIBBLE[b] = (b << 24) >> 28;
        }
    }

    private final QuantizedMatrix w;
    private final GemvSpec spec;
    private final ActivationQuantizer aq;
    private final float[] line;
    private final int[] codes;
    private final int[] meta;
    private final float[] fastScales;
    private final int fastBlock;

    public QuantizedGemv(QuantizedMatrix w, GemvSpec spec) {
        if (w.layout() != Layout.ROWS) throw new IllegalArgumentException("QuantizedGemv needs a matrix stored by ROWS");
        if (w.format() instanceof VectorQuantFormat) throw new IllegalArgumentException("vector-quantised weights run on VqGemv");
        if (spec.accumulator() == Accumulator.INT32 && !FormatBits.integerGrid(w.format())) {
            throw new IllegalArgumentException("INT32 accumulation needs integer weights (int<b> or int<b>-g<G>), got "
                    + w.format().name());
        }
        this.w = w;
        this.spec = spec;
        aq = new ActivationQuantizer(spec.activation(), w.cols());
        line = new float[w.cols()];
        codes = new int[w.codesPerLine()];
        meta = new int[Math.max(1, w.metaPerLine())];
        boolean fast = spec.accumulator() == Accumulator.FP32 && w.format() instanceof GroupIntFormat g
                && g.element().symmetric() && (g.element().bits() == 4 || g.element().bits() == 8)
                && g.blockSize() % 2 == 0 && w.cols() % 2 == 0;
        fastBlock = fast ? ((GroupIntFormat) w.format()).blockSize() : 0;
        fastScales = fast ? blockScales((GroupIntFormat) w.format()) : null;
    }

    private float[] blockScales(GroupIntFormat g) {
        int[] words = w.metaWords();
        float[] s = new float[words.length];
        for (int i = 0; i < words.length; i++) s[i] = (float) g.scaleFormat().decode(words[i]);
        return s;
    }

    public GemvSpec spec() { return spec; }

    public QuantizedMatrix matrix() { return w; }

    /** {@code y[0..rows) = W x[0..cols)}, adding the work to {@code work}. */
    public void multiply(float[] x, float[] y, MemoryTier weightTier, KernelWork work) {
        int rows = w.rows();
        int cols = w.cols();
        if (x.length < cols || y.length < rows) throw new IllegalArgumentException("x needs " + cols + " and y " + rows + " elements");
        aq.quantize(x, cols);
        if (fastScales != null) {
            if (w.codeBits() == 4) fastInt4(y); else fastInt8(y);
        } else if (spec.accumulator() == Accumulator.INT32) {
            int32(y);
        } else {
            for (int r = 0; r < rows; r++) {
                w.decodeLine(r, line, codes, meta);
                float acc = 0f;
                for (int c = 0; c < cols; c++) acc = ActivationQuantizer.add(spec.accumulator(), acc, line[c] * aq.values[c]);
                y[r] = acc;
            }
        }
        countWork(weightTier, work);
    }

    private void countWork(MemoryTier weightTier, KernelWork work) {
        long rows = w.rows();
        long elements = rows * w.cols();
        work.addBytes(weightTier, Region.WEIGHTS, rows * w.weightBytesPerLine());
        work.addBytes(weightTier, Region.SCALES, rows * w.scaleBytesPerLine());
        work.addBytes(MemoryTier.ON_CHIP, Region.ACTIVATIONS, aq.bytes(w.cols()));
        work.addMacs(spec.macKind(), elements);
        if (!w.format().name().equals(spec.activationFormat())) work.addDequantOps(elements);
        if (w.format() instanceof Nf4Format) work.addLookupOps(elements);
    }

    private void fastInt4(float[] y) {
        byte[] p = w.packedCodes();
        int cols = w.cols();
        int bytesPerLine = cols / 2;
        int blocks = (cols + fastBlock - 1) / fastBlock;
        float[] xv = aq.values;
        for (int r = 0; r < w.rows(); r++) {
            int base = r * bytesPerLine;
            float acc = 0f;
            for (int b = 0; b < blocks; b++) {
                int start = b * fastBlock;
                int end = Math.min(cols, start + fastBlock);
                // four independent partial sums: float adds do not reassociate, so one chain would
                // bind the loop to the FP add latency instead of memory bandwidth
                float p0 = 0f;
                float p1 = 0f;
                float p2 = 0f;
                float p3 = 0f;
                int c = start;
                for (; c + 8 <= end; c += 8) {
                    int at = base + (c >> 1);
                    int v0 = p[at];
                    int v1 = p[at + 1];
                    int v2 = p[at + 2];
                    int v3 = p[at + 3];
                    p0 += LOW_NIBBLE[v0 & 0xFF] * xv[c] + HIGH_NIBBLE[v0 & 0xFF] * xv[c + 1];
                    p1 += LOW_NIBBLE[v1 & 0xFF] * xv[c + 2] + HIGH_NIBBLE[v1 & 0xFF] * xv[c + 3];
                    p2 += LOW_NIBBLE[v2 & 0xFF] * xv[c + 4] + HIGH_NIBBLE[v2 & 0xFF] * xv[c + 5];
                    p3 += LOW_NIBBLE[v3 & 0xFF] * xv[c + 6] + HIGH_NIBBLE[v3 & 0xFF] * xv[c + 7];
                }
                for (; c < end; c += 2) {
                    int v = p[base + (c >> 1)];
                    p0 += ((v << 28) >> 28) * xv[c] + ((v << 24) >> 28) * xv[c + 1];
                }
                float part = (p0 + p1) + (p2 + p3);
                acc += part * fastScales[r * blocks + b];
            }
            y[r] = acc;
        }
    }

    private void fastInt8(float[] y) {
        byte[] p = w.packedCodes();
        int cols = w.cols();
        int blocks = (cols + fastBlock - 1) / fastBlock;
        float[] xv = aq.values;
        for (int r = 0; r < w.rows(); r++) {
            int base = r * cols;
            float acc = 0f;
            for (int b = 0; b < blocks; b++) {
                int start = b * fastBlock;
                int end = Math.min(cols, start + fastBlock);
                float p0 = 0f;
                float p1 = 0f;
                float p2 = 0f;
                float p3 = 0f;
                int c = start;
                for (; c + 4 <= end; c += 4) {
                    p0 += SIGNED_BYTE[p[base + c] & 0xFF] * xv[c];
                    p1 += SIGNED_BYTE[p[base + c + 1] & 0xFF] * xv[c + 1];
                    p2 += SIGNED_BYTE[p[base + c + 2] & 0xFF] * xv[c + 2];
                    p3 += SIGNED_BYTE[p[base + c + 3] & 0xFF] * xv[c + 3];
                }
                for (; c < end; c++) p0 += p[base + c] * xv[c];
                float part = (p0 + p1) + (p2 + p3);
                acc += part * fastScales[r * blocks + b];
            }
            y[r] = acc;
        }
    }

    private void int32(float[] y) {
        int cols = w.cols();
        IntFormat element;
        int block;
        FloatFormat scaleFormat = null;
        int words = 0;
        if (w.format() instanceof GroupIntFormat g) {
            element = g.element();
            block = g.blockSize();
            scaleFormat = g.scaleFormat();
            words = g.metaWordsPerBlock();
        } else {
            element = (IntFormat) w.format();
            block = cols;
        }
        for (int r = 0; r < w.rows(); r++) {
            w.codes(r, codes);
            if (words > 0) w.meta(r, meta);
            float acc = 0f;
            for (int start = 0, b = 0; start < cols; start += block, b++) {
                int end = Math.min(cols, start + block);
                int zp = words == 2 ? meta[b * 2 + 1] : 0;
                float scale = scaleFormat != null ? (float) scaleFormat.decode(meta[b * words]) : w.lineScale(r);
                int sum = 0;
                for (int c = start; c < end; c++) sum += ((int) element.decode(codes[c]) - zp) * aq.levels[c];
                acc += sum * scale * aq.scale;
            }
            y[r] = acc;
        }
    }
}

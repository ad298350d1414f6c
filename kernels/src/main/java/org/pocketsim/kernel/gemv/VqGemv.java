package org.pocketsim.kernel.gemv;

import org.pocketsim.kernel.format.VectorQuantFormat;
import org.pocketsim.kernel.work.KernelWork;
import org.pocketsim.kernel.work.MemoryTier;
import org.pocketsim.kernel.work.Region;

/**
 * GEMV on vector-quantised weights: each row is a sequence of {@code b}-bit indices, one per run
 * of {@code d} weights; the kernel looks each index up in the {@code 2^b x d} codebook and
 * multiplies the codeword with the matching {@code d} activations.
 *
 * <p>Work: index payload ({@code WEIGHTS}) from {@code weightTier}; the codebook
 * ({@code CODEBOOKS}) once per call from {@code weightTier}, stored as FP16 ({@code 2^b * d * 2}
 * bytes; assumed storage precision - the format keeps FP32 codewords for its own numerics); one
 * lookup per index; {@code rows * cols} MACs; no per-element dequantisation.
 */
public final class VqGemv {

    private final QuantizedMatrix w;
    private final GemvSpec spec;
    private final ActivationQuantizer aq;
    private final float[] codebook;
    private final int dim;
    private final int[] codes;

    public VqGemv(QuantizedMatrix w, GemvSpec spec) {
        if (!(w.format() instanceof VectorQuantFormat vq)) throw new IllegalArgumentException("VqGemv needs vector-quantised weights, got " + w.format().name());
        if (w.layout() != Layout.ROWS) throw new IllegalArgumentException("VqGemv needs a matrix stored by ROWS");
        if (spec.accumulator() == Accumulator.INT32) throw new IllegalArgumentException("VqGemv accumulates in FP32 or FP16");
        this.w = w;
        this.spec = spec;
        aq = new ActivationQuantizer(spec.activation(), w.cols());
        codebook = vq.codebook();
        dim = vq.dim();
        codes = new int[w.codesPerLine()];
    }

    /** {@code y[0..rows) = W x[0..cols)}, adding the work. */
    public void multiply(float[] x, float[] y, MemoryTier weightTier, KernelWork work) {
        int cols = w.cols();
        if (x.length < cols || y.length < w.rows()) throw new IllegalArgumentException("x needs " + cols + " and y " + w.rows() + " elements");
        aq.quantize(x, cols);
        Accumulator acc = spec.accumulator();
        int vectors = w.codesPerLine();
        for (int r = 0; r < w.rows(); r++) {
            w.codes(r, codes);
            float sum = 0f;
            for (int v = 0; v < vectors; v++) {
                int base = codes[v] * dim;
                int start = v * dim;
                int len = Math.min(dim, cols - start);
                for (int j = 0; j < len; j++) sum = ActivationQuantizer.add(acc, sum, codebook[base + j] * aq.values[start + j]);
            }
            y[r] = sum;
        }
        long rows = w.rows();
        work.addBytes(weightTier, Region.WEIGHTS, rows * w.weightBytesPerLine());
        work.addBytes(weightTier, Region.CODEBOOKS, (long) codebook.length * 2);
        work.addBytes(MemoryTier.ON_CHIP, Region.ACTIVATIONS, aq.bytes(cols));
        work.addLookupOps(rows * vectors);
        work.addMacs(spec.macKind(), rows * cols);
    }
}

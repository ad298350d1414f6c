package org.pocketsim.kernel.gemv;

import org.pocketsim.kernel.work.KernelWork;
import org.pocketsim.kernel.work.MemoryTier;
import org.pocketsim.kernel.work.Region;

/**
 * GEMV on an N:M sparse matrix: each kept value multiplies the activation its position index
 * selects within its group. Work: kept values and their scales, plus the position indices
 * ({@code INDICES}), from {@code weightTier}; the whole input vector on chip; {@code rows *
 * keptPerRow} MACs. FP32 or FP16 accumulation.
 */
public final class NmSparseGemv {

    private final NmSparseMatrix w;
    private final GemvSpec spec;
    private final ActivationQuantizer aq;
    private final float[] line;
    private final int[] codes;
    private final int[] meta;

    public NmSparseGemv(NmSparseMatrix w, GemvSpec spec) {
        if (spec.accumulator() == Accumulator.INT32) throw new IllegalArgumentException("NmSparseGemv accumulates in FP32 or FP16");
        this.w = w;
        this.spec = spec;
        aq = new ActivationQuantizer(spec.activation(), w.cols());
        line = new float[w.keptPerRow()];
        codes = new int[w.values().codesPerLine()];
        meta = new int[Math.max(1, w.values().metaPerLine())];
    }

    /** {@code y[0..rows) = W x[0..cols)} over the kept values, adding the work. */
    public void multiply(float[] x, float[] y, MemoryTier weightTier, KernelWork work) {
        if (x.length < w.cols() || y.length < w.rows()) throw new IllegalArgumentException("x needs " + w.cols() + " and y " + w.rows() + " elements");
        aq.quantize(x, w.cols());
        int kept = w.keptPerRow();
        int n = w.n();
        int m = w.m();
        for (int r = 0; r < w.rows(); r++) {
            w.values().decodeLine(r, line, codes, meta);
            float acc = 0f;
            for (int j = 0; j < kept; j++) {
                int c = (j / n) * m + w.position(r, j);
                acc = ActivationQuantizer.add(spec.accumulator(), acc, line[j] * aq.values[c]);
            }
            y[r] = acc;
        }
        long rows = w.rows();
        work.addBytes(weightTier, Region.WEIGHTS, rows * w.values().weightBytesPerLine());
        work.addBytes(weightTier, Region.SCALES, rows * w.values().scaleBytesPerLine());
        work.addBytes(weightTier, Region.INDICES, rows * w.indexBytesPerRow());
        work.addBytes(MemoryTier.ON_CHIP, Region.ACTIVATIONS, aq.bytes(w.cols()));
        work.addMacs(spec.macKind(), rows * kept);
        if (!w.values().format().name().equals(spec.activationFormat())) work.addDequantOps(rows * kept);
    }
}

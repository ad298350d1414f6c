package org.pocketsim.kernel.gemv;

import org.pocketsim.kernel.cache.CacheView;
import org.pocketsim.kernel.work.KernelWork;
import org.pocketsim.kernel.work.MemoryTier;
import org.pocketsim.kernel.work.Region;

/**
 * The DIP kernel: {@code y = W[:, mask] x[mask]}, reading and multiplying only the input columns
 * in the mask. W is stored by {@link Layout#COLUMNS}, so one column (all {@code rows} outputs of
 * one input, with its scales) is the unit read, skipped and cached - the "neuron" of the DIP
 * simulator, whose size is {@code out_features} elements.
 *
 * <p>Where each column comes from: resident in the layer's column cache ({@link CacheView}) -
 * DRAM; otherwise {@code uncachedTier} (flash when the MLP streams). Every masked column is one
 * cache lookup. Accumulation is FP32 or FP16 (column-major partial sums have no common integer
 * scale, so INT32 is rejected). The mask's index list is produced on chip and not charged.
 */
public final class MaskedGemv {

    private final QuantizedMatrix w;
    private final GemvSpec spec;
    private final ActivationQuantizer aq;
    private final float[] column;
    private final int[] codes;
    private final int[] meta;

    public MaskedGemv(QuantizedMatrix w, GemvSpec spec) {
        if (w.layout() != Layout.COLUMNS) throw new IllegalArgumentException("MaskedGemv needs a matrix stored by COLUMNS");
        if (spec.accumulator() == Accumulator.INT32) {
            throw new IllegalArgumentException("MaskedGemv accumulates in FP32 or FP16; INT32 has no common scale across columns");
        }
        this.w = w;
        this.spec = spec;
        aq = new ActivationQuantizer(spec.activation(), w.cols());
        column = new float[w.rows()];
        codes = new int[w.codesPerLine()];
        meta = new int[Math.max(1, w.metaPerLine())];
    }

    /**
     * {@code y[0..rows) = sum over c in columns[0..count) of W[:, c] x[c]}, adding the work.
     *
     * @param cache        residency of this matrix's columns, or null when nothing is cached
     * @param uncachedTier tier of columns not resident (e.g. {@link MemoryTier#FLASH})
     */
    public void multiply(float[] x, int[] columns, int count, CacheView cache, MemoryTier uncachedTier,
                         float[] y, KernelWork work) {
        int rows = w.rows();
        if (x.length < w.cols() || y.length < rows) throw new IllegalArgumentException("x needs " + w.cols() + " and y " + rows + " elements");
        if (count < 0 || count > columns.length) throw new IllegalArgumentException("mask count " + count + " outside [0, " + columns.length + "]");
        aq.quantize(x, w.cols());
        java.util.Arrays.fill(y, 0, rows, 0f);
        Accumulator acc = spec.accumulator();
        int hits = 0;
        for (int i = 0; i < count; i++) {
            int c = columns[i];
            if (c < 0 || c >= w.cols()) throw new IllegalArgumentException("mask column " + c + " outside [0, " + w.cols() + ")");
            w.decodeLine(c, column, codes, meta);
            float xc = aq.values[c];
            if (acc == Accumulator.FP32) {
                for (int r = 0; r < rows; r++) y[r] += column[r] * xc;
            } else {
                for (int r = 0; r < rows; r++) y[r] = ActivationQuantizer.add(acc, y[r], column[r] * xc);
            }
            if (cache != null && cache.isResident(c)) hits++;
        }
        long perColumnWeights = w.weightBytesPerLine();
        long perColumnScales = w.scaleBytesPerLine();
        int misses = count - hits;
        work.addBytes(MemoryTier.DRAM, Region.WEIGHTS, hits * perColumnWeights);
        work.addBytes(MemoryTier.DRAM, Region.SCALES, hits * perColumnScales);
        work.addBytes(uncachedTier, Region.WEIGHTS, misses * perColumnWeights);
        work.addBytes(uncachedTier, Region.SCALES, misses * perColumnScales);
        work.addBytes(MemoryTier.ON_CHIP, Region.ACTIVATIONS, aq.bytes(count));
        if (cache != null) work.addCacheLookups(count, hits);
        long elements = (long) count * rows;
        work.addMacs(spec.macKind(), elements);
        if (!w.format().name().equals(spec.activationFormat())) work.addDequantOps(elements);
    }
}

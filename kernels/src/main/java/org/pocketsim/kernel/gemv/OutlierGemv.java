package org.pocketsim.kernel.gemv;

import org.pocketsim.kernel.format.FormatRegistry;
import org.pocketsim.kernel.format.NumberFormat;
import org.pocketsim.kernel.format.ScalarFormat;
import org.pocketsim.kernel.select.TopKSelector;
import org.pocketsim.kernel.work.KernelWork;
import org.pocketsim.kernel.work.MemoryTier;
import org.pocketsim.kernel.work.Region;

/**
 * Dense-and-sparse GEMV (as SpQR and SqueezeLLM store weights): the largest-magnitude share of
 * the weights are kept as FP16 outliers in CSR form (16-bit column index per outlier, one 32-bit
 * row pointer per row plus one), and the rest, with the outliers zeroed, is quantised densely
 * (e.g. {@code int3-g128}, {@code int4-g128}) so that outliers no longer stretch its scales.
 * {@code y = W_dense x + W_outliers x}.
 *
 * <p>Work: the dense part as {@link QuantizedGemv}; outlier values ({@code WEIGHTS}, 2 bytes
 * each) and CSR indices ({@code INDICES}) from {@code weightTier}; one MAC per outlier of kind
 * {@code "fp16/fp32"} (the sparse part runs in FP16 beside the dense array).
 */
public final class OutlierGemv {

    private static final ScalarFormat FP16 = FormatRegistry.scalar("fp16");

    private final QuantizedGemv dense;
    private final int rows;
    private final int cols;
    private final int[] rowStart;
    private final short[] outlierColumn;
    private final float[] outlierValue;
    private final ActivationQuantizer aq;

    private OutlierGemv(QuantizedGemv dense, int rows, int cols, int[] rowStart, short[] outlierColumn, float[] outlierValue) {
        this.dense = dense;
        this.rows = rows;
        this.cols = cols;
        this.rowStart = rowStart;
        this.outlierColumn = outlierColumn;
        this.outlierValue = outlierValue;
        aq = new ActivationQuantizer(dense.spec().activation(), cols);
    }

    /**
     * Splits row-major {@code w} into {@code round(outlierShare * rows * cols)} FP16 outliers (the
     * largest |w|, ties to the lower flat index) and a dense rest in {@code denseFormat}.
     */
    public static OutlierGemv build(float[] w, int rows, int cols, NumberFormat denseFormat, double outlierShare, GemvSpec spec) {
        if (!(outlierShare >= 0 && outlierShare < 1)) throw new IllegalArgumentException("outlierShare must be in [0, 1), got " + outlierShare);
        if (cols > 65536) throw new IllegalArgumentException("16-bit outlier column indices need cols <= 65536, got " + cols);
        if (w.length != (long) rows * cols) throw new IllegalArgumentException("weights hold " + w.length + " floats, expected " + rows + "x" + cols);
        int count = (int) Math.round(outlierShare * w.length);
        int[] flat = new int[Math.max(1, count)];
        int found = new TopKSelector(w.length).selectAbs(w, w.length, count, flat);
        float[] rest = w.clone();
        int[] rowStart = new int[rows + 1];
        short[] column = new short[found];
        float[] value = new float[found];
        for (int i = 0; i < found; i++) {
            int idx = flat[i];
            rowStart[idx / cols + 1]++;
            column[i] = (short) (idx % cols);
            value[i] = (float) FP16.decode(FP16.encode(w[idx]));
            rest[idx] = 0f;
        }
        for (int r = 0; r < rows; r++) rowStart[r + 1] += rowStart[r];
        QuantizedGemv dense = new QuantizedGemv(QuantizedMatrix.encode(rest, rows, cols, denseFormat, Layout.ROWS), spec);
        return new OutlierGemv(dense, rows, cols, rowStart, column, value);
    }

    /** Number of FP16 outliers. */
    public int outliers() { return outlierValue.length; }

    /** {@code y[0..rows) = W x[0..cols)}, adding the work. */
    public void multiply(float[] x, float[] y, MemoryTier weightTier, KernelWork work) {
        dense.multiply(x, y, weightTier, work);
        aq.quantize(x, cols);
        for (int r = 0; r < rows; r++) {
            float acc = 0f;
            for (int i = rowStart[r]; i < rowStart[r + 1]; i++) acc += outlierValue[i] * aq.values[outlierColumn[i] & 0xFFFF];
            y[r] += acc;
        }
        long n = outlierValue.length;
        work.addBytes(weightTier, Region.WEIGHTS, n * 2);
        work.addBytes(weightTier, Region.INDICES, n * 2 + (rows + 1L) * 4);
        work.addMacs("fp16/fp32", n);
    }
}

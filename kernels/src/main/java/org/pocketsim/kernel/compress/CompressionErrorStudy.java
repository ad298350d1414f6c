package org.pocketsim.kernel.compress;

import org.pocketsim.kernel.format.FormatRegistry;
import org.pocketsim.kernel.format.NumberFormat;
import org.pocketsim.kernel.format.VectorQuantFormat;
import org.pocketsim.kernel.gemv.GemvSpec;
import org.pocketsim.kernel.gemv.Layout;
import org.pocketsim.kernel.gemv.NmSparseGemv;
import org.pocketsim.kernel.gemv.NmSparseMatrix;
import org.pocketsim.kernel.gemv.OutlierGemv;
import org.pocketsim.kernel.gemv.QuantizedGemv;
import org.pocketsim.kernel.gemv.QuantizedMatrix;
import org.pocketsim.kernel.gemv.VqGemv;
import org.pocketsim.kernel.work.KernelWork;
import org.pocketsim.kernel.work.MemoryTier;
import org.pocketsim.workload.trace.TensorKind;
import org.pocketsim.workload.trace.TraceReader;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Error of each compression format on one weight-like matrix, measured through the kernels that
 * run it: the relative L2 error of {@code y = W x} against the double product of the unquantised
 * matrix, over {@link #INPUTS} seeded N(0,1) input vectors, with FP32 activations and
 * accumulation (so only the weight format errs). Kernels: {@code QuantizedGemv} for group/NF4/
 * ternary formats, {@code VqGemv} with a codebook trained on the matrix (k-means, 10 iterations),
 * {@code OutlierGemv} for SpQR, {@code NmSparseGemv} for N:M. AQLM 2x8 has no Java kernel: it is
 * coded as greedy residual k-means (two 256-entry books of 8-vectors, the second trained on the
 * first's residual; AQLM's beam search and fine-tuning are not reproduced) and multiplied directly.
 * E8P has no Java kernel either: {@link E8pQuantiser} codes the matrix (exact nearest point of the
 * 2^16-point grid after random-sign Hadamard rotations) and it is multiplied directly. Learned
 * 2^16-entry books (AQLM 1x16, vq-b16-d8) are measured by the capture tool's quantisers only: such a
 * book needs millions of training vectors (one book per 2^24 weights), far more than a test matrix.
 * Books above 256 entries (vq-b12-d4) train on 8 seeded vectors per entry for 4 iterations.
 */
public final class CompressionErrorStudy {

    /** Formats by bit budget (about 2, 3 and 4 bits per weight), then the FP16 reference. */
    public static final List<String> FORMATS = List.of(
            "int2-g128-asym", "ternary-g256", "vq-b4-d2", "vq-b8-d4", "e8p", "aqlm-2x8", "2of4-int4-g128",
            "int3-g128", "vq-b6-d2", "vq-b12-d4", "spqr-int3-g128-o1", "4of8-int4-g128",
            "int4-g128", "nf4", "vq-b8-d2", "2of4-int8-g128", "fp16");
    /** Codebooks above this many entries train on a seeded subsample of 8 vectors per entry, 4 iterations. */
    static final int LARGE_BOOK = 256;
    /** Input vectors per measurement. */
    public static final int INPUTS = 4;

    /** One measurement. */
    public record Row(String data, String format, double bitsPerWeight, double gemvRelError) {
    }

    private CompressionErrorStudy() {
    }

    /** Every format of {@link #FORMATS} on the row-major {@code rows x cols} matrix {@code w}. */
    public static List<Row> run(String data, float[] w, int rows, int cols, long seed) {
        return run(data, w, rows, cols, seed, FORMATS);
    }

    /** The given formats on the row-major {@code rows x cols} matrix {@code w}. */
    public static List<Row> run(String data, float[] w, int rows, int cols, long seed, List<String> formats) {
        List<Row> out = new ArrayList<>();
        for (String f : formats) out.add(new Row(data, f, FormatRegistry.get(f).bitsPerElement(), error(f, w, rows, cols, seed)));
        return out;
    }

    /** Relative GEMV error of format {@code name} on {@code w}. */
    public static double error(String name, float[] w, int rows, int cols, long seed) {
        Gemv g = build(name, w, rows, cols, seed);
        SplittableRandom rng = new SplittableRandom(seed ^ 0x9e3779b97f4a7c15L);
        float[] x = new float[cols];
        float[] y = new float[rows];
        double num = 0;
        double den = 0;
        KernelWork work = new KernelWork();
        for (int k = 0; k < INPUTS; k++) {
            for (int i = 0; i < cols; i++) x[i] = (float) gaussian(rng);
            g.multiply(x, y, work);
            for (int r = 0; r < rows; r++) {
                double ref = 0;
                for (int c = 0; c < cols; c++) ref += (double) w[r * cols + c] * x[c];
                num += (y[r] - ref) * (y[r] - ref);
                den += ref * ref;
            }
        }
        return Math.sqrt(num / den);
    }

    private interface Gemv {
        void multiply(float[] x, float[] y, KernelWork work);
    }

    private static Gemv build(String name, float[] w, int rows, int cols, long seed) {
        GemvSpec spec = new GemvSpec("fp32", org.pocketsim.kernel.gemv.Accumulator.FP32);
        NumberFormat f = FormatRegistry.get(name);
        if (name.startsWith("aqlm-2x8")) return residualVq(w, rows, cols, seed);
        if (name.equals("e8p")) return direct(E8pQuantiser.quantise(w, rows, cols, seed), rows, cols);
        if (f instanceof VectorQuantFormat vq) {
            int k = 1 << vq.indexBits();
            VectorQuantFormat trained = k <= LARGE_BOOK ? VectorQuantFormat.train(name, vq.indexBits(), vq.dim(), w, seed, 10)
                    : VectorQuantFormat.train(name, vq.indexBits(), vq.dim(), subsample(w, vq.dim(), 8 * k, seed), seed, 4);
            VqGemv g = new VqGemv(QuantizedMatrix.encode(w, rows, cols, trained, Layout.ROWS), spec);
            return (x, y, work) -> g.multiply(x, y, MemoryTier.DRAM, work);
        }
        if (name.startsWith("spqr-")) {
            org.pocketsim.kernel.format.CompressedFormat c = (org.pocketsim.kernel.format.CompressedFormat) f;
            OutlierGemv g = OutlierGemv.build(w, rows, cols, c.inner(), c.outlierShare(), spec);
            return (x, y, work) -> g.multiply(x, y, MemoryTier.DRAM, work);
        }
        if (f instanceof org.pocketsim.kernel.format.CompressedFormat c && c.kind() == org.pocketsim.kernel.format.CompressedFormat.Kind.NM) {
            NmSparseGemv g = new NmSparseGemv(NmSparseMatrix.prune(w, rows, cols, c.first(), c.second(), c.inner()), spec);
            return (x, y, work) -> g.multiply(x, y, MemoryTier.DRAM, work);
        }
        QuantizedGemv g = new QuantizedGemv(QuantizedMatrix.encode(w, rows, cols, f, Layout.ROWS), spec);
        return (x, y, work) -> g.multiply(x, y, MemoryTier.DRAM, work);
    }

    /** Greedy two-stage residual VQ: book 1 on w, book 2 on w minus book 1's codewords (AQLM 2x8's storage). */
    private static Gemv residualVq(float[] w, int rows, int cols, long seed) {
        VectorQuantFormat first = VectorQuantFormat.train("aqlm-2x8/1", 8, 8, w, seed, 10);
        float[] approx = new float[w.length];
        first.roundTrip(w, approx, 0, w.length);
        float[] residual = new float[w.length];
        for (int i = 0; i < w.length; i++) residual[i] = w[i] - approx[i];
        VectorQuantFormat second = VectorQuantFormat.train("aqlm-2x8/2", 8, 8, residual, seed + 1, 10);
        float[] r2 = new float[w.length];
        second.roundTrip(residual, r2, 0, w.length);
        for (int i = 0; i < w.length; i++) approx[i] += r2[i];
        return direct(approx, rows, cols);
    }

    /** Vectors of {@code dim} picked without replacement by a seeded shuffle, {@code count} of them. */
    private static float[] subsample(float[] w, int dim, int count, long seed) {
        int n = w.length / dim;
        if (count >= n) return w;
        int[] order = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;
        SplittableRandom rng = new SplittableRandom(seed);
        float[] out = new float[count * dim];
        for (int i = 0; i < count; i++) {
            int j = i + rng.nextInt(n - i);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
            System.arraycopy(w, order[i] * dim, out, i * dim, dim);
        }
        return out;
    }

    /** GEMV of an already dequantised matrix, accumulated in double. */
    private static Gemv direct(float[] approx, int rows, int cols) {
        return (x, y, work) -> {
            for (int r = 0; r < rows; r++) {
                double s = 0;
                for (int c = 0; c < cols; c++) s += (double) approx[r * cols + c] * x[c];
                y[r] = (float) s;
            }
        };
    }

    /** The first {@code maxRows} rows of tensor {@code kind} of {@code layer} of a captured trace, as a matrix. */
    public static List<Row> real(Path traceDir, TensorKind kind, int layer, int maxRows, long seed, List<String> formats) {
        try (TraceReader t = TraceReader.open(traceDir)) {
            int width = t.shape().widthOf(kind);
            int rows = Math.min(maxRows, t.info().tokens());
            float[] x = new float[rows * width];
            float[] row = new float[width];
            for (int i = 0; i < rows; i++) {
                t.readRow(kind, layer, i, row);
                System.arraycopy(row, 0, x, i * width, width);
            }
            return run(t.info().modelId() + "/" + traceDir.getFileName() + "/" + kind.tensorName(layer), x, rows, width, seed, formats);
        }
    }

    /** The LLM-like matrix the decode points report: 256 x 4096 N(0,1) with 4 input channels x20 ({@code OutlierTensors}, seed 1). */
    public static List<Row> llmLike(long seed, List<String> formats) {
        org.pocketsim.kernel.quant.OutlierTensors t = org.pocketsim.kernel.quant.OutlierTensors.llmLike(256, 1);
        return run(WeightErrors.LLM_LIKE, t.generate(), 256, 4096, seed, formats);
    }

    /**
     * Prints the table: the LLM-like matrix (unless an argument is {@code --real-only}), then each
     * {@code traceDir:kind:layer} given (e.g. {@code .../prompt-00:down_in:3}), 256 tokens;
     * {@code --formats=a,b} measures only those formats.
     */
    public static void main(String[] args) {
        List<Row> rows = new ArrayList<>();
        List<String> formats = FORMATS;
        boolean llm = true;
        List<String> tensors = new ArrayList<>();
        for (String a : args) {
            if (a.equals("--real-only")) llm = false;
            else if (a.startsWith("--formats=")) formats = List.of(a.substring("--formats=".length()).split(","));
            else tensors.add(a);
        }
        if (llm) rows.addAll(llmLike(1, formats));
        for (String tensor : tensors) {
            String[] p = tensor.split(":");
            TensorKind kind = p[1].equals("down_in") ? TensorKind.DOWN_IN : TensorKind.MLP_IN;
            rows.addAll(real(Path.of(p[0]), kind, Integer.parseInt(p[2]), 256, 1, formats));
        }
        System.out.print(toCsv(rows));
    }

    /** CSV with header {@code data,format,bits_per_weight,gemv_rel_error}. */
    public static String toCsv(List<Row> rows) {
        StringBuilder sb = new StringBuilder("data,format,bits_per_weight,gemv_rel_error\n");
        for (Row r : rows) {
            sb.append(String.format(Locale.ROOT, "%s,%s,%.6f,%.5f%n", r.data(), r.format(), r.bitsPerWeight(), r.gemvRelError()));
        }
        return sb.toString();
    }

    private static double gaussian(SplittableRandom rng) {
        double u = 1.0 - rng.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng.nextDouble());
    }
}

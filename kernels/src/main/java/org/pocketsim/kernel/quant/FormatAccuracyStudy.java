package org.pocketsim.kernel.quant;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.pocketsim.kernel.format.BlockFormat;
import org.pocketsim.kernel.format.FormatRegistry;
import org.pocketsim.kernel.format.NumberFormat;
import org.pocketsim.kernel.format.ScalarFormat;
import org.pocketsim.workload.trace.TensorKind;
import org.pocketsim.workload.trace.TraceReader;

/**
 * Bits of accuracy ({@code log2(sigma / RMSE)}, the whitepaper's Fig. 5 metric) of the study's
 * formats on a row-major {@code rows x cols} tensor. Scalar formats get one absmax scale per
 * row (per token, or per tensor when the tensor is one row), real-valued ({@code absmax /
 * maxFinite}); block formats code each row with their own block scales, bit-exactly.
 */
public final class FormatAccuracyStudy {
    /** The formats of the study. */
    public static final List<String> FORMATS = List.of("int8", "fp8-e4m3", "fp8-e5m2", "int4", "int4-g128", "mxint8",
            "mxfp8", "mxfp8-e5m2", "mxfp6-e2m3", "mxfp4", "nf4", "fp16", "bf16");

    /** One cell: the data set, the format, bits of accuracy and SQNR. */
    public record Row(String data, String format, double bits, double sqnrDb) {
    }

    private FormatAccuracyStudy() {
    }

    /** Quantize-dequantize {@code x} ({@code rows x cols}) in {@code format} as the class comment says. */
    public static float[] roundTrip(NumberFormat format, float[] x, int rows, int cols) {
        float[] q = new float[x.length];
        if (format instanceof ScalarFormat s) {
            new Quantizer(s, Granularity.perChannel(), RangeSetting.ABSMAX, ScaleRule.REAL).quantizeDequantize(x, rows, cols, q);
        } else {
            BlockFormat b = (BlockFormat) format;
            for (int r = 0; r < rows; r++) {
                b.roundTrip(x, q, r * cols, cols);
            }
        }
        return q;
    }

    /** Every format of {@link #FORMATS} on one tensor. */
    public static List<Row> run(String data, float[] x, int rows, int cols) {
        List<Row> out = new ArrayList<>();
        for (String name : FORMATS) {
            QuantError e = QuantError.of(x, roundTrip(FormatRegistry.get(name), x, rows, cols));
            out.add(new Row(data, name, e.bitsOfAccuracy(), e.sqnrDb()));
        }
        return out;
    }

    /** The three Fig. 5 distributions as one row of {@code samples} each, then LLM-like outlier tensors. */
    public static List<Row> synthetic(int samples, OutlierTensors outliers, long seed) {
        List<Row> out = new ArrayList<>();
        for (SampleDistribution d : SampleDistribution.values()) {
            out.addAll(run(d.name().toLowerCase(Locale.ROOT), d.sample(samples, seed), 1, samples));
        }
        out.addAll(run(String.format(Locale.ROOT, "outliers-%dx%d-f%.4f-g%.0f", outliers.tokens(), outliers.channels(),
                outliers.outlierFraction(), outliers.outlierGain()), outliers.generate(), outliers.tokens(), outliers.channels()));
        return out;
    }

    /**
     * Real captured activations: tensor {@code kind} of {@code layer} of the trace in
     * {@code traceDir}, its first {@code maxTokens} rows (tokens x width).
     */
    public static List<Row> real(Path traceDir, TensorKind kind, int layer, int maxTokens) {
        try (TraceReader t = TraceReader.open(traceDir)) {
            int width = t.shape().widthOf(kind);
            int rows = Math.min(maxTokens, t.info().tokens());
            float[] x = new float[rows * width];
            float[] row = new float[width];
            for (int i = 0; i < rows; i++) {
                t.readRow(kind, layer, i, row);
                System.arraycopy(row, 0, x, i * width, width);
            }
            String data = t.info().modelId() + "/" + traceDir.getFileName() + "/" + kind.tensorName(layer);
            return run(data, x, rows, width);
        }
    }

    /** CSV with header {@code data,format,bits,sqnr_db}. */
    public static String toCsv(List<Row> rows) {
        StringBuilder sb = new StringBuilder("data,format,bits,sqnr_db\n");
        for (Row r : rows) {
            sb.append(String.format(Locale.ROOT, "%s,%s,%.3f,%.2f%n", r.data(), r.format(), r.bits(), r.sqnrDb()));
        }
        return sb.toString();
    }
}

package org.pocketsim.kernel.quant;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.pocketsim.kernel.cost.CsvTable;
import org.pocketsim.kernel.format.FloatFormat;
import org.pocketsim.kernel.format.FormatRegistry;
import org.pocketsim.kernel.format.ScalarFormat;
import org.pocketsim.kernel.format.Specials;

/**
 * Reproduction of the FP8-vs-INT8 whitepaper's Fig. 5 (van Baalen et al., arXiv 2303.17951):
 * bits of accuracy {@code log2(sigma / RMSE)} of INT8 and FP8-E2M5 ... E5M2 on Uniform,
 * Normal and Student-t (nu = 3) samples, per-tensor range from the samples.
 *
 * <p>Method: INT8 is the symmetric grid [-127, 127] with scale {@code absmax / 127}. The FP8
 * grids have 1 sign bit, subnormals, round-to-nearest-even and no reserved codes (as the
 * paper's code generates them); their maximum is placed by the range under a
 * {@link ScaleRule}: {@code REAL} (real-valued bias, maximum = absmax, the Qualcomm code's
 * quantizer) or {@code POWER_OF_TWO} (integer bias). Published values are digitised from the
 * figure and live in {@code fig5-published.csv} with their source.
 */
public final class BitsOfAccuracyStudy {

    /** One cell of Fig. 5; {@code published} is NaN where the figure has no value. */
    public record Row(SampleDistribution distribution, String format, double ours, double published) {
        /** {@code |ours - published| / published}. */
        public double relError() {
            return Math.abs(ours - published) / published;
        }
    }

    /** Fig. 5 formats in column order. */
    public static final List<String> FORMATS = List.of("INT8", "FP8-E2", "FP8-E3", "FP8-E4", "FP8-E5");

    private static final Map<String, Double> PUBLISHED = loadPublished();

    private BitsOfAccuracyStudy() {
    }

    /** The grid of a Fig. 5 column: INT8 or an FP8 with {@code e} exponent bits and no special codes. */
    public static ScalarFormat format(String column) {
        if (column.equals("INT8")) {
            return FormatRegistry.scalar("int8");
        }
        int e = Integer.parseInt(column.substring("FP8-E".length()));
        return FloatFormat.of("fp8-e" + e + "m" + (7 - e) + "-nospecials", e, 7 - e, Specials.NONE, true);
    }

    /** Published value of a cell (digitised). */
    public static double published(SampleDistribution d, String column) {
        Double v = PUBLISHED.get(key(d) + "/" + column);
        if (v == null) {
            throw new IllegalArgumentException("Fig. 5 has no cell " + key(d) + " " + column);
        }
        return v;
    }

    private static String key(SampleDistribution d) {
        return d.name().toLowerCase(Locale.ROOT);
    }

    private static Map<String, Double> loadPublished() {
        CsvTable csv = CsvTable.load(BitsOfAccuracyStudy.class, "fig5-published.csv", List.of("distribution", "format", "bits"));
        Map<String, Double> cells = new LinkedHashMap<>();
        for (int i = 0; i < csv.rows().size(); i++) {
            cells.put(csv.text(i, 0) + "/" + csv.text(i, 1), csv.number(i, 2));
        }
        return Map.copyOf(cells);
    }

    /**
     * All 15 cells on {@code samples} seeded samples per distribution. INT8 always uses absmax;
     * {@code fpRange} and {@code fpRule} set the FP8 grids' maximum (the paper's absmax reading
     * is {@code ABSMAX, REAL}).
     */
    public static List<Row> run(int samples, long seed, RangeSetting fpRange, ScaleRule fpRule) {
        List<Row> rows = new ArrayList<>();
        for (SampleDistribution d : SampleDistribution.values()) {
            float[] x = d.sample(samples, seed);
            float[] q = new float[samples];
            for (String column : FORMATS) {
                ScalarFormat f = format(column);
                Quantizer quantizer = f instanceof FloatFormat
                        ? new Quantizer(f, Granularity.perTensor(), fpRange, fpRule)
                        : Quantizer.absmax(f);
                quantizer.quantizeDequantize(x, q);
                rows.add(new Row(d, column, QuantError.of(x, q).bitsOfAccuracy(), published(d, column)));
            }
        }
        return rows;
    }

    /** CSV with header {@code distribution,format,ours_bits,published_bits,rel_error}. */
    public static String toCsv(List<Row> rows) {
        StringBuilder sb = new StringBuilder("distribution,format,ours_bits,published_bits,rel_error\n");
        for (Row r : rows) {
            sb.append(String.format(Locale.ROOT, "%s,%s,%.3f,%.2f,%.4f%n",
                    r.distribution().name().toLowerCase(Locale.ROOT), r.format(), r.ours(), r.published(), r.relError()));
        }
        return sb.toString();
    }
}

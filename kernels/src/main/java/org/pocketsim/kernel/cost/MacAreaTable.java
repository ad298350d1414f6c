package org.pocketsim.kernel.cost;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.pocketsim.kernel.format.FloatFormat;
import org.pocketsim.kernel.format.FormatRegistry;
import org.pocketsim.kernel.format.NumberFormat;
import org.pocketsim.kernel.format.Specials;

/**
 * The whitepaper's Fig. 3 (gates per multiply-add relative to INT8 -> FX+12) from a
 * {@link MacCostModel}, beside the digitised published cells (reference formats.md §1.3), and
 * extended to formats the paper does not cover (marked {@code extrapolated}, published NaN).
 */
public final class MacAreaTable {

    /**
     * One cell: our gates and ratio to INT8 -> FX+12 beside the published ones (NaN for
     * extrapolated cells).
     */
    public record Row(String input, String accumulator, GateCount gates, double ours, double publishedGates,
                      double published, boolean extrapolated) {
        /** {@code |ours - published| / published} of the ratio, NaN for extrapolated cells. */
        public double relError() {
            return Math.abs(ours - published) / published;
        }

        /** {@code |gates - publishedGates| / publishedGates}, NaN for extrapolated cells. */
        public double gatesRelError() {
            return Math.abs(gates.total() - publishedGates) / publishedGates;
        }
    }

    public static final Accumulator FX12 = new Accumulator.FixedPoint(GateCountMacModel.KULISCH_EXTRA_BITS);
    public static final Accumulator FP16 = new Accumulator.FloatingPoint("FP16", (FloatFormat) FormatRegistry.get("fp16"));
    public static final Accumulator FP32 = new Accumulator.FloatingPoint("FP32", (FloatFormat) FormatRegistry.get("fp32"));

    /** Fig. 3 input columns; the FP8 grids have no reserved codes, as in the paper's sweep. */
    public static final List<String> PAPER_INPUTS = List.of("INT8", "FP8-E2", "FP8-E3", "FP8-E4", "FP8-E5");
    private static final List<Accumulator> ACCUMULATORS = List.of(FX12, FP16, FP32);
    /** Digitised totals (gates), rows as PAPER_INPUTS, columns FX+12, FP16, FP32. */
    private static final double[][] PUBLISHED_GATES = {
        {723, 1399, 2332}, {875, 1277, 2210}, {899, 1186, 2119}, {1070, 1113, 2046}, {1509, 1052, 1985},
    };
    /** Registry formats the paper does not cover, with the accumulators they are priced with. */
    private static final List<String> EXTRA_INPUTS = List.of("int4", "int16", "fp8-e4m3", "fp8-e5m2", "fp16", "bf16");
    private static final List<String> MX_INPUTS = List.of("mxint8", "mxfp8", "mxfp8-e5m2", "mxfp6-e2m3", "mxfp4");

    private MacAreaTable() {
    }

    /** Input format of a Fig. 3 column. */
    public static NumberFormat paperInput(String column) {
        if (column.equals("INT8")) {
            return FormatRegistry.get("int8");
        }
        int e = Integer.parseInt(column.substring("FP8-E".length()));
        return FloatFormat.of("fp8-e" + e + "m" + (7 - e) + "-nospecials", e, 7 - e, Specials.NONE, true);
    }

    /** Published (digitised) Fig. 3 gates of a cell. */
    public static double publishedGates(String column, Accumulator acc) {
        return PUBLISHED_GATES[PAPER_INPUTS.indexOf(column)][ACCUMULATORS.indexOf(acc)];
    }

    /** Published Fig. 3 ratio to INT8 -> FX+12. */
    public static double published(String column, Accumulator acc) {
        return publishedGates(column, acc) / PUBLISHED_GATES[0][0];
    }

    /** The 15 paper cells followed by the extrapolated ones. */
    public static List<Row> rows(MacCostModel model) {
        GateCount base = model.gates(paperInput("INT8"), FX12);
        List<Row> rows = new ArrayList<>();
        for (String column : PAPER_INPUTS) {
            for (Accumulator acc : ACCUMULATORS) {
                GateCount g = model.gates(paperInput(column), acc);
                rows.add(new Row(column, acc.label(), g, g.relativeTo(base), publishedGates(column, acc),
                        published(column, acc), false));
            }
        }
        for (String name : EXTRA_INPUTS) {
            for (Accumulator acc : ACCUMULATORS) {
                GateCount g = model.gates(FormatRegistry.get(name), acc);
                rows.add(new Row(name, acc.label(), g, g.relativeTo(base), Double.NaN, Double.NaN, true));
            }
        }
        for (String name : MX_INPUTS) {
            GateCount g = model.gates(FormatRegistry.get(name), FP32);
            rows.add(new Row(name, FP32.label(), g, g.relativeTo(base), Double.NaN, Double.NaN, true));
        }
        return rows;
    }

    /** CSV: input, accumulator, the three gate components, total, ours and published ratios, error, flag. */
    public static String toCsv(List<Row> rows) {
        StringBuilder sb = new StringBuilder(
                "input,accumulator,mpy_gates,alignadd_gates,normacc_gates,total_gates,published_gates,"
                + "ours_rel_int8,published_rel_int8,rel_error,extrapolated\n");
        for (Row r : rows) {
            GateCount g = r.gates();
            sb.append(String.format(Locale.ROOT, "%s,%s,%.1f,%.1f,%.1f,%.1f,%s,%.3f,%s,%s,%b%n",
                    r.input(), r.accumulator(), g.multiply(), g.alignAdd(), g.normAcc(), g.total(),
                    r.extrapolated() ? "" : String.format(Locale.ROOT, "%.0f", r.publishedGates()), r.ours(),
                    r.extrapolated() ? "" : String.format(Locale.ROOT, "%.3f", r.published()),
                    r.extrapolated() ? "" : String.format(Locale.ROOT, "%.4f", r.relError()), r.extrapolated()));
        }
        return sb.toString();
    }
}

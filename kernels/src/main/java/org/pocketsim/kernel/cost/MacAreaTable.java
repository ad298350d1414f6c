package org.pocketsim.kernel.cost;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.pocketsim.kernel.format.FloatFormat;
import org.pocketsim.kernel.format.FormatRegistry;
import org.pocketsim.kernel.format.NumberFormat;
import org.pocketsim.kernel.format.Specials;

/**
 * The whitepaper's Fig. 3 (gates per multiply-add relative to INT8 -> FX+12) from a
 * {@link MacCostModel}, beside the digitised published cells ({@code fig3-published.csv}, with
 * its source), and extended to formats and datapaths the paper does not cover (marked
 * {@code extrapolated}, published NaN).
 */
public final class MacAreaTable {

    /**
     * One cell: our gates and ratio to INT8 -> FX+12 beside the published ones ({@code published}
     * null and ratios NaN for extrapolated cells).
     */
    public record Row(String input, String accumulator, GateCount gates, double ours, Published published,
                      double publishedRatio, boolean extrapolated, double weightBits, double activationBits) {
        /** {@code |ours - published| / published} of the ratio, NaN for extrapolated cells. */
        public double relError() {
            return Math.abs(ours - publishedRatio) / publishedRatio;
        }

        /** {@code |gates - published gates| / published gates}, NaN for extrapolated cells. */
        public double gatesRelError() {
            return extrapolated ? Double.NaN : Math.abs(gates.total() - published.total()) / published.total();
        }
    }

    /**
     * A digitised Fig. 3 bar: the three stack components as read and the bar top. The components
     * as read sum to 2-4 gates under the top (each boundary is read separately).
     */
    public record Published(GateCount components, double total) {
    }

    public static final Accumulator FX12 = new Accumulator.FixedPoint(GateCountMacModel.KULISCH_EXTRA_BITS);
    public static final Accumulator FP16 = new Accumulator.FloatingPoint("FP16", (FloatFormat) FormatRegistry.get("fp16"));
    public static final Accumulator FP32 = new Accumulator.FloatingPoint("FP32", (FloatFormat) FormatRegistry.get("fp32"));
    /** The three accumulators of Fig. 3, in its order. */
    public static final List<Accumulator> ACCUMULATORS = List.of(FX12, FP16, FP32);

    /** Fig. 3 input columns; the FP8 grids have no reserved codes, as in the paper's sweep. */
    public static final List<String> PAPER_INPUTS = List.of("INT8", "FP8-E2", "FP8-E3", "FP8-E4", "FP8-E5");
    /** Published cells by {@code input/accumulator}. */
    private static final Map<String, Published> PUBLISHED = loadPublished();
    /** Same-format inputs the paper does not cover, priced with all three accumulators. */
    private static final List<String> EXTRA_INPUTS = List.of("int4", "int16", "fp8-e4m3", "fp8-e5m2", "fp16", "bf16");
    /** Block-scaled and mixed datapaths, priced with the floating-point accumulators. */
    private static final List<String> BLOCK_INPUTS = List.of("mxint8", "mxfp8", "mxfp8-e5m2", "mxfp6-e2m3", "mxfp6-e3m2",
            "mxfp4", "w4a8-int4-g128", "w4a16-int4-g128", "w4a8-nf4", "w4a16-nf4");

    private MacAreaTable() {
    }

    /** Accumulator by label: {@code FX+12}, {@code FP16} or {@code FP32} (case-insensitive). */
    public static Accumulator accumulator(String label) {
        for (Accumulator a : ACCUMULATORS) {
            if (a.label().equalsIgnoreCase(label)) {
                return a;
            }
        }
        throw new IllegalArgumentException("unknown accumulator '" + label + "'; known: FX+12, FP16, FP32");
    }

    /** Input format of a Fig. 3 column. */
    public static NumberFormat paperInput(String column) {
        if (column.equals("INT8")) {
            return FormatRegistry.get("int8");
        }
        int e = Integer.parseInt(column.substring("FP8-E".length()));
        return FloatFormat.of("fp8-e" + e + "m" + (7 - e) + "-nospecials", e, 7 - e, Specials.NONE, true);
    }

    /** A Fig. 3 column as a datapath, or any {@link MacDatapath} name. */
    public static MacDatapath datapath(String input) {
        return PAPER_INPUTS.contains(input) ? MacDatapath.same(paperInput(input)) : MacDatapath.of(input);
    }

    /** Published (digitised) Fig. 3 cell. */
    public static Published publishedGates(String column, Accumulator acc) {
        Published g = PUBLISHED.get(column + "/" + acc.label());
        if (g == null) {
            throw new IllegalArgumentException("Fig. 3 has no cell " + column + " -> " + acc.label());
        }
        return g;
    }

    /** Published Fig. 3 ratio to INT8 -> FX+12. */
    public static double published(String column, Accumulator acc) {
        return publishedGates(column, acc).total() / publishedGates("INT8", FX12).total();
    }

    /** The 15 paper cells, then the extrapolated same-format cells, then block-scaled and mixed datapaths. */
    public static List<Row> rows(MacCostModel model) {
        GateCount base = model.gates(paperInput("INT8"), FX12);
        List<Row> rows = new ArrayList<>();
        for (String column : PAPER_INPUTS) {
            for (Accumulator acc : ACCUMULATORS) {
                GateCount g = model.gates(paperInput(column), acc);
                rows.add(new Row(column, acc.label(), g, g.relativeTo(base), publishedGates(column, acc),
                        published(column, acc), false, 8, 8));
            }
        }
        for (String name : EXTRA_INPUTS) {
            for (Accumulator acc : ACCUMULATORS) {
                rows.add(extrapolated(model, name, acc, base));
            }
        }
        rows.add(extrapolated(model, "w4a8-int4", FX12, base));
        for (String name : BLOCK_INPUTS) {
            rows.add(extrapolated(model, name, FP16, base));
            rows.add(extrapolated(model, name, FP32, base));
        }
        return rows;
    }

    private static Row extrapolated(MacCostModel model, String name, Accumulator acc, GateCount base) {
        MacDatapath d = MacDatapath.of(name);
        GateCount g = model.gates(d, acc);
        return new Row(name, acc.label(), g, g.relativeTo(base), null, Double.NaN, true,
                d.weightBitsPerElement(), d.activationBitsPerElement());
    }

    /**
     * One of the whitepaper's stated ratios ({@code whitepaper-anchors.csv}) beside ours.
     *
     * @param claim     short id, e.g. {@code fp8e4-fp16}
     * @param ours      our gate ratio of the cell to its baseline
     * @param published the stated ratio
     * @param quote     the paper's words
     */
    public record Anchor(String claim, double ours, double published, String quote) {
        /** {@code (ours - published) / published}. */
        public double deviation() {
            return (ours - published) / published;
        }
    }

    /** The stated ratios of the whitepaper, each computed with {@code model}. */
    public static List<Anchor> anchors(MacCostModel model) {
        CsvTable csv = CsvTable.load("whitepaper-anchors.csv", List.of("claim", "input", "accumulator", "baseline_input",
                "baseline_accumulator", "published_ratio", "quote"));
        List<Anchor> out = new ArrayList<>();
        for (int i = 0; i < csv.rows().size(); i++) {
            double cell = model.gates(datapath(csv.text(i, 1)), accumulator(csv.text(i, 2))).total();
            double base = model.gates(datapath(csv.text(i, 3)), accumulator(csv.text(i, 4))).total();
            out.add(new Anchor(csv.text(i, 0), cell / base, csv.number(i, 5), csv.text(i, 6)));
        }
        return out;
    }

    /** CSV of {@link #rows}: our components beside the published ones, ratios, error and the extrapolated flag. */
    public static String toCsv(List<Row> rows) {
        StringBuilder sb = new StringBuilder("input,accumulator,weight_bits,activation_bits,mpy_gates,alignadd_gates,"
                + "normacc_gates,total_gates,published_mpy,published_alignadd,published_normacc,published_gates,"
                + "ours_rel_int8,published_rel_int8,rel_error,extrapolated\n");
        for (Row r : rows) {
            GateCount g = r.gates();
            GateCount p = r.published() == null ? null : r.published().components();
            sb.append(String.format(Locale.ROOT, "%s,%s,%s,%s,%.1f,%.1f,%.1f,%.1f,%s,%.3f,%s,%s,%b%n",
                    r.input(), r.accumulator(), num(r.weightBits()), num(r.activationBits()),
                    g.multiply(), g.alignAdd(), g.normAcc(), g.total(),
                    p == null ? ",,," : String.format(Locale.ROOT, "%.0f,%.0f,%.0f,%.0f", p.multiply(), p.alignAdd(),
                            p.normAcc(), r.published().total()),
                    r.ours(), r.extrapolated() ? "" : String.format(Locale.ROOT, "%.3f", r.publishedRatio()),
                    r.extrapolated() ? "" : String.format(Locale.ROOT, "%.4f", r.relError()), r.extrapolated()));
        }
        return sb.toString();
    }

    private static String num(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }

    private static Map<String, Published> loadPublished() {
        CsvTable csv = CsvTable.load("fig3-published.csv", List.of("input", "accumulator", "mpy", "alignadd", "normacc", "total"));
        Map<String, Published> cells = new LinkedHashMap<>();
        for (int i = 0; i < csv.rows().size(); i++) {
            GateCount g = new GateCount(csv.number(i, 2), csv.number(i, 3), csv.number(i, 4));
            double total = csv.number(i, 5);
            if (Math.abs(g.total() - total) > 5) {
                throw new IllegalArgumentException("fig3-published.csv:" + csv.lineNumbers().get(i)
                        + ": components add up to " + g.total() + ", total says " + total);
            }
            cells.put(csv.text(i, 0) + "/" + csv.text(i, 1), new Published(g, total));
        }
        return Map.copyOf(cells);
    }
}

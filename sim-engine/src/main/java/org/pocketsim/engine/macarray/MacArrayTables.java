package org.pocketsim.engine.macarray;

import org.pocketsim.engine.point.MacArrayPointSpec;
import org.pocketsim.engine.result.Metrics;
import org.pocketsim.engine.result.PointResult;
import org.pocketsim.engine.result.ResultTable;
import org.pocketsim.kernel.cost.CsvTable;
import org.pocketsim.kernel.cost.GateCountMacModel;
import org.pocketsim.kernel.cost.MacAreaTable;
import org.pocketsim.kernel.quant.BitsOfAccuracyStudy;
import org.pocketsim.kernel.quant.RangeSetting;
import org.pocketsim.kernel.quant.ScaleRule;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.pocketsim.engine.macarray.MacArrayMetrics.*;

/**
 * The tables a {@code mac-array} study adds to its report: the whitepaper's Fig. 3 and Fig. 5
 * reproduced beside the digitised values (kernels' data files), its stated ratios beside ours
 * through the points, the iso-area NPU per format, measured perplexity (or "not measured yet"),
 * and the conclusions beside the whitepaper's. Every published number comes from a data file.
 */
final class MacArrayTables {

    private static final List<String> ANCHOR_COLUMNS = List.of("claim", "input", "accumulator", "baseline_input",
            "baseline_accumulator", "published_ratio", "quote");

    private MacArrayTables() {
    }

    static List<ResultTable> of(List<MacArrayPointSpec> specs, List<PointResult> results) {
        List<ResultTable> out = new ArrayList<>();
        out.add(fig3());
        out.add(conclusions(specs, results));
        out.add(fig5());
        out.add(bits(specs, results));
        out.add(isoArea(specs, results));
        out.add(isoPower(specs, results));
        out.add(perplexity(specs, results));
        return out;
    }

    /** Fig. 3 from the gate model: every paper cell beside the digitised bar, then the extrapolated cells. */
    static ResultTable fig3() {
        List<List<String>> rows = new ArrayList<>();
        for (MacAreaTable.Row r : MacAreaTable.rows(new GateCountMacModel())) {
            boolean x = r.extrapolated();
            rows.add(List.of(r.input(), r.accumulator(), f0(r.gates().multiply()), f0(r.gates().alignAdd()), f0(r.gates().normAcc()),
                    f0(r.gates().total()),
                    x ? "—" : f0(r.published().components().multiply()) + " / " + f0(r.published().components().alignAdd())
                            + " / " + f0(r.published().components().normAcc()) + ", " + f0(r.published().total()),
                    f3(r.ours()), x ? "—" : f3(r.publishedRatio()), x ? "—" : pct(r.relError()),
                    x ? "extrapolated" : "Fig. 3"));
        }
        return new ResultTable("Fig. 3 reproduced: gates per multiply-add (mpy / alignadd / normacc), ours beside the whitepaper's"
                + " digitised bars (van Baalen et al., arXiv 2303.17951, Fig. 3 and Appendix B)",
                List.of("input", "accumulator", "mpy", "alignadd", "normacc", "gates", "published (mpy / alignadd / normacc, top)",
                        "ours x INT8", "published x INT8", "error", "cell"), rows);
    }

    /** Fig. 5 cells: ours with the paper's absmax reading and with an integer FP8 bias, beside the digitised values. */
    static ResultTable fig5() {
        List<BitsOfAccuracyStudy.Row> real = BitsOfAccuracyStudy.run(FormatBits.SAMPLES, FormatBits.SEED, RangeSetting.ABSMAX, ScaleRule.REAL);
        List<BitsOfAccuracyStudy.Row> integer = BitsOfAccuracyStudy.run(FormatBits.SAMPLES, FormatBits.SEED, RangeSetting.MSE,
                ScaleRule.POWER_OF_TWO);
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < real.size(); i++) {
            BitsOfAccuracyStudy.Row r = real.get(i);
            rows.add(List.of(r.distribution().name().toLowerCase(Locale.ROOT), r.format(), f2(r.published()), f3(r.ours()),
                    f3(integer.get(i).ours()), f2(integer.get(i).ours() - r.published())));
        }
        return new ResultTable("Fig. 5 reproduced: bits of accuracy log2(sigma/RMSE), 10^5 samples, seed 1, beside the whitepaper's"
                + " digitised values (arXiv 2303.17951 Fig. 5); target within 0.15 bits on uniform and normal",
                List.of("distribution", "format", "published", "ours (absmax, real bias)", "ours (integer bias, MSE-best)",
                        "integer bias - published"), rows);
    }

    /** Bits of accuracy of each weight format: Fig. 5 data, the LLM-like tensor and the real captured activations. */
    static ResultTable bits(List<MacArrayPointSpec> specs, List<PointResult> results) {
        Set<String> real = new LinkedHashSet<>();
        for (PointResult r : results) {
            for (String k : r.metrics().keySet()) if (k.startsWith(BITS_REAL_PREFIX)) real.add(k);
        }
        List<String> columns = new ArrayList<>(List.of("weight format (of datapath)", "uniform", "normal", "Student-t nu=3",
                "LLM-like (4 of 4096 channels x20)"));
        for (String k : real) columns.add(k.substring(BITS_REAL_PREFIX.length()));
        List<List<String>> rows = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (int i = 0; i < specs.size(); i++) {
            PointResult r = results.get(i);
            String weight = org.pocketsim.kernel.cost.MacDatapath.of(specs.get(i).datapath()).weight().name();
            if (!seen.add(weight)) continue;
            List<String> row = new ArrayList<>(List.of(weight + " (" + specs.get(i).datapath() + ")", f3(r.metric(BITS_UNIFORM)),
                    f3(r.metric(BITS_NORMAL)), f3(r.metric(BITS_STUDENT_T)), f3(r.metric(BITS_LLM_LIKE))));
            for (String k : real) row.add(r.hasMetric(k) ? f3(r.metric(k)) : "—");
            rows.add(row);
        }
        return new ResultTable("Bits of accuracy log2(sigma/RMSE) of each weight format: Fig. 5 data (one absmax scale per"
                + " tensor), the LLM-like tensor with outlier channels and real captured activations (one absmax scale per"
                + " token, or the format's block scales; all captured layers stacked)", columns, rows);
    }

    /** The whitepaper's stated ratios beside ours: the MAC unit through the points, and the NPU built from it per model. */
    static ResultTable conclusions(List<MacArrayPointSpec> specs, List<PointResult> results) {
        CsvTable anchors = CsvTable.load(MacAreaTable.class, "whitepaper-anchors.csv", ANCHOR_COLUMNS);
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < anchors.rows().size(); i++) {
            String cell = registryName(anchors.text(i, 1));
            String base = registryName(anchors.text(i, 3));
            double published = anchors.number(i, 5);
            for (String model : models(specs)) {
                PointResult c = find(specs, results, cell, anchors.text(i, 2), model);
                PointResult b = find(specs, results, base, anchors.text(i, 4), model);
                String what = cell + " -> " + anchors.text(i, 2) + " vs " + base + " -> " + anchors.text(i, 4);
                if (c == null || b == null) {
                    rows.add(List.of(anchors.text(i, 0), what, model, f3(published) + " (" + anchors.text(i, 6) + ")",
                            "not in this sweep", "", "", ""));
                    continue;
                }
                double ours = c.metric(GATES_PER_MAC) / b.metric(GATES_PER_MAC);
                rows.add(List.of(anchors.text(i, 0), what, model, f3(published) + " (" + anchors.text(i, 6) + ")", f3(ours),
                        pct((ours - published) / published),
                        f3(b.metric(Metrics.PREFILL_TOKENS_PER_SECOND) / c.metric(Metrics.PREFILL_TOKENS_PER_SECOND)),
                        f3(c.metric(DYNAMIC_ENERGY_PER_TOKEN_MJ) / b.metric(DYNAMIC_ENERGY_PER_TOKEN_MJ))));
            }
        }
        claims(specs, results, rows);
        return new ResultTable("Conclusions beside the whitepaper's (stated ratios from whitepaper-anchors.csv: arXiv 2303.17951"
                + " Sec. 3.3, Fig. 3 caption, Sec. 4.4): cost of the first datapath relative to the second",
                List.of("claim", "datapaths", "model", "whitepaper (cost ratio)", "ours: MAC gates", "difference",
                        "ours: iso-area prefill time", "ours: decode energy per token (MAC + DRAM + SRAM)"), rows);
    }

    /** The whitepaper's range and qualitative statements ({@code whitepaper-claims.csv}), each computed from the points. */
    private static void claims(List<MacArrayPointSpec> specs, List<PointResult> results, List<List<String>> rows) {
        CsvTable claims = CsvTable.load(MacArrayTables.class, "whitepaper-claims.csv",
                List.of("claim", "published_low", "published_high", "quote", "reading"));
        for (int i = 0; i < claims.rows().size(); i++) {
            String claim = claims.text(i, 0);
            double low = claims.number(i, 1);
            double high = claims.number(i, 2);
            String published = (low == high ? f3(low) : f3(low) + " to " + f3(high)) + " (" + claims.text(i, 3) + ")";
            for (String model : models(specs)) {
                String ours = switch (claim) {
                    case "fp8-vs-int8-range" -> fp8Range(specs, results, model);
                    case "fp8e4-fx-vs-fp16" -> ratio(find(specs, results, "fp8-e4m3", "FX+12", model),
                            find(specs, results, "fp8-e4m3", "FP16", model));
                    default -> throw new IllegalStateException("whitepaper-claims.csv: no computation for claim '" + claim + "'");
                };
                rows.add(List.of(claim, claims.text(i, 4), model, published, ours, "", "", ""));
            }
        }
    }

    /** Lowest and highest gates of the FP8 points relative to INT8 -> FX+12, with the cells they come from. */
    private static String fp8Range(List<MacArrayPointSpec> specs, List<PointResult> results, String model) {
        int lo = -1;
        int hi = -1;
        for (int i = 0; i < specs.size(); i++) {
            MacArrayPointSpec s = specs.get(i);
            if (!s.model().equals(model) || !s.datapath().startsWith("fp8-")) continue;
            double v = results.get(i).metric(GATES_REL_INT8);
            if (lo < 0 || v < results.get(lo).metric(GATES_REL_INT8)) lo = i;
            if (hi < 0 || v > results.get(hi).metric(GATES_REL_INT8)) hi = i;
        }
        if (lo < 0) return "not in this sweep";
        return f3(results.get(lo).metric(GATES_REL_INT8)) + " (" + specs.get(lo).datapath() + " -> " + specs.get(lo).accumulator()
                + ") to " + f3(results.get(hi).metric(GATES_REL_INT8)) + " (" + specs.get(hi).datapath() + " -> "
                + specs.get(hi).accumulator() + ")";
    }

    private static String ratio(PointResult a, PointResult b) {
        return a == null || b == null ? "not in this sweep" : f3(a.metric(GATES_PER_MAC) / b.metric(GATES_PER_MAC));
    }

    /** The NPU of the point's budget rebuilt in each datapath: throughput and energy per token. */
    static ResultTable isoArea(List<MacArrayPointSpec> specs, List<PointResult> results) {
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            MacArrayPointSpec s = specs.get(i);
            PointResult r = results.get(i);
            rows.add(List.of(s.model(), s.datapath(), s.accumulator(), f0(r.metric(MACS_PER_CYCLE)), f3(r.metric(PJ_PER_MAC)),
                    f2(r.metric(Metrics.PREFILL_TOKENS_PER_SECOND)), f2(r.metric(Metrics.TOKENS_PER_SECOND)),
                    f3(r.metric(DYNAMIC_ENERGY_PER_TOKEN_MJ)), f3(r.metric(PREFILL_ENERGY_PER_TOKEN_MJ)),
                    r.hasMetric(ISO_POWER_PREFILL_TOKENS_PER_SECOND) ? f2(r.metric(ISO_POWER_PREFILL_TOKENS_PER_SECOND)) : "—"));
        }
        return new ResultTable("Iso-area NPU rebuilt per datapath: MACs that fit, pJ/MAC, prefill of the prompt and decode"
                + " (energy per token: MACs + DRAM + SRAM; static power left out)",
                List.of("model", "datapath", "accumulator", "MACs/cycle", "pJ/MAC", "prefill tok/s", "decode tok/s",
                        "decode mJ/token", "prefill mJ/token", "iso-power prefill tok/s"), rows);
    }

    /**
     * The second view: each datapath at the power of the INT8 -> FX+12 array of the same area, a MAC
     * priced with its weight read from SRAM ({@link IsoPower}); energy per token is per work done, so
     * the same as at iso-area.
     */
    static ResultTable isoPower(List<MacArrayPointSpec> specs, List<PointResult> results) {
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            MacArrayPointSpec s = specs.get(i);
            PointResult r = results.get(i);
            if (!r.hasMetric(ISO_POWER_MACS_PER_CYCLE)) continue;
            rows.add(List.of(s.model(), s.datapath(), s.accumulator(), f2(r.metric(ISO_POWER_W)),
                    r.hasMetric(ISO_POWER_PJ_PER_MAC) ? f3(r.metric(ISO_POWER_PJ_PER_MAC)) : "—",
                    f0(r.metric(MACS_PER_CYCLE)), f0(r.metric(ISO_POWER_MACS_PER_CYCLE)),
                    f2(r.metric(Metrics.PREFILL_TOKENS_PER_SECOND)), f2(r.metric(ISO_POWER_PREFILL_TOKENS_PER_SECOND)),
                    f2(r.metric(Metrics.TOKENS_PER_SECOND)), f2(r.metric(ISO_POWER_TOKENS_PER_SECOND)),
                    f3(r.metric(DYNAMIC_ENERGY_PER_TOKEN_MJ)), f3(r.metric(PREFILL_ENERGY_PER_TOKEN_MJ))));
        }
        return new ResultTable("Iso-power NPU: the INT8 -> FX+12 array's power (MACs + each MAC's weight read from SRAM)"
                + " spent on each datapath; energy per token is per work done, the same at iso-area and iso-power",
                List.of("model", "datapath", "accumulator", "budget W", "pJ/MAC with weight read", "MACs/cycle iso-area",
                        "MACs/cycle iso-power", "prefill tok/s iso-area", "prefill tok/s iso-power", "decode tok/s iso-area",
                        "decode tok/s iso-power", "decode mJ/token", "prefill mJ/token"), rows);
    }

    /** Measured perplexity per datapath and CSV; "not measured yet" where no CSV row is there. */
    static ResultTable perplexity(List<MacArrayPointSpec> specs, List<PointResult> results) {
        Set<String> files = new LinkedHashSet<>();
        for (MacArrayPointSpec s : specs) files.addAll(s.perplexity());
        List<String> columns = new ArrayList<>(List.of("datapath"));
        for (String f : files) columns.add("perplexity, " + MacArrayPoint.name(f));
        List<List<String>> rows = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (int i = 0; i < specs.size(); i++) {
            if (!seen.add(specs.get(i).datapath())) continue;
            List<String> row = new ArrayList<>(List.of(specs.get(i).datapath()));
            for (String f : files) {
                String metric = PERPLEXITY_PREFIX + MacArrayPoint.name(f);
                row.add(results.get(i).hasMetric(metric) ? f3(results.get(i).metric(metric)) : "not measured yet");
            }
            rows.add(row);
        }
        return new ResultTable("Perplexity of the real small models per format (tools/trace-capture quality.py --formats, GPU;"
                + " read from " + String.join(", ", files) + ")", columns, rows);
    }

    private static Set<String> models(List<MacArrayPointSpec> specs) {
        Set<String> models = new TreeSet<>();
        for (MacArrayPointSpec s : specs) models.add(s.model());
        return models;
    }

    private static PointResult find(List<MacArrayPointSpec> specs, List<PointResult> results, String datapath, String acc, String model) {
        for (int i = 0; i < specs.size(); i++) {
            MacArrayPointSpec s = specs.get(i);
            if (s.datapath().equals(datapath) && s.accumulator().equalsIgnoreCase(acc) && s.model().equals(model)) return results.get(i);
        }
        return null;
    }

    /** A Fig. 3 column's registry format (FP8-E4 -> fp8-e4m3), or the name itself. */
    private static String registryName(String column) {
        for (Map.Entry<String, String> e : MacArrayPoint.PAPER_COLUMN.entrySet()) {
            if (e.getValue().equals(column)) return e.getKey();
        }
        return column;
    }

    private static String f0(double v) {
        return String.format(Locale.ROOT, "%.0f", v);
    }

    private static String f2(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    private static String f3(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }

    private static String pct(double v) {
        return String.format(Locale.ROOT, "%+.1f%%", v * 100);
    }
}

package org.pocketsim.report;

import org.pocketsim.engine.result.ChartSpec;
import org.pocketsim.engine.result.ChartType;
import org.pocketsim.engine.result.Comparison;
import org.pocketsim.engine.result.ExperimentResult;
import org.pocketsim.engine.result.PointResult;
import org.pocketsim.engine.result.ReportSpec;
import org.pocketsim.engine.result.ResultTable;
import org.pocketsim.engine.result.TraceProvenance;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small hand-made experiment with every part a report shows: four points, one chart of each
 * type, a comparison inside and one outside the 20% tolerance, an extra table, a trace, and
 * text that must be escaped. Values are chosen so that expected outputs can be written by hand.
 */
public final class SampleResults {

    private SampleResults() {
    }

    public static final String TITLE = "DIP & cache-aware masking <Phi-3>";

    public static ExperimentResult experiment() {
        return experiment(charts());
    }

    public static ExperimentResult experiment(List<ChartSpec> charts) {
        List<PointResult> points = List.of(
                point(0, "p0", "dense", "1.0", 2.5, 400, 300, 60, 40, 4_000_000_000L, 0.5, List.of(0.25, 0.5, 0.75), null),
                point(1, "p1", "dip", "0.5", 5, 200, 120, 50, 30, 3_000_000_000L, 0.75, List.of(0.5, 0.75, 1.0), null),
                point(2, "p2", "dip", "0.25", 8, 125, 60, 40, 25, 2_000_000_000L, 0.875, List.of(0.75, 0.875, 1.0), null),
                point(3, "p3", "dip-ca,g=0.5", "0.25", 10, 100, 40, 35, 25, 2_500_000_000L, 0.9375,
                        List.of(0.875, 0.9375, 1.0), "cache-aware <b>&amp; gamma 0.5</b>"));
        return new ExperimentResult("dip-sample", TITLE, "How fast is Phi-3 when its MLP streams from flash?",
                "schemaVersion: 1\nname: \"<dip-sample>\"\nseed: 42\n", "9f2c0a", 42L, "0.1.0-test", points,
                List.of(new TraceProvenance("synthetic:gaussian", "phi-3-medium", "synthetic", 16,
                        Map.of("generator", "gaussian"))),
                List.of(new Comparison("Galaxy S24, Llama-3-8B w4a16", "tokensPerSecond", 12.5, 13.72, "tok/s",
                                "PowerServe, Table 3"),
                        new Comparison("OnePlus 12 <CPU>", "tokensPerSecond", 8.0, 11.55, "tok/s", "llama.cpp & co")),
                List.of(new ResultTable("Calibration of \"phone\"", List.of("parameter", "value"),
                        List.of(List.of("flash GB/s", "4.0"), List.of("utilisation", "0.6")))),
                new ReportSpec(charts, List.of(), null));
    }

    /** The sample's points with one more parameter, {@code name}, taking {@code values} point by point. */
    public static ExperimentResult withParameter(String name, String... values) {
        ExperimentResult base = experiment(List.of());
        List<PointResult> points = new java.util.ArrayList<>();
        for (PointResult p : base.points()) {
            Map<String, String> params = new LinkedHashMap<>(p.parameters());
            params.put(name, values[p.index()]);
            points.add(new PointResult(p.index(), p.pointId(), params, p.metrics(), p.series(), p.notes()));
        }
        return new ExperimentResult(base.experimentId(), base.title(), base.question(), base.configText(),
                base.configHash(), base.seed(), base.version(), points, base.traces(), base.comparisons(),
                base.tables(), base.report());
    }

    /** Two cache policies that give identical speeds at two densities (series that coincide). */
    public static ExperimentResult twoCachePolicies() {
        List<PointResult> points = new java.util.ArrayList<>();
        int i = 0;
        for (String cache : List.of("lru", "lfu")) {
            for (String density : List.of("0.25", "0.5")) {
                Map<String, String> params = new LinkedHashMap<>();
                params.put("density", density);
                params.put("cache", cache);
                points.add(new PointResult(i, "c" + i, params,
                        Map.of("tokensPerSecond", density.equals("0.25") ? 8.0 : 5.0), Map.of(), List.of()));
                i++;
            }
        }
        return new ExperimentResult("cache-sample", "Cache sample", "", "", "00", 1L, "0.1.0-test", points,
                null, null, null, null);
    }

    public static List<ChartSpec> charts() {
        return List.of(
                ChartSpec.of(ChartType.LINE, "Tokens per second vs density", "density", List.of("tokensPerSecond"), "method"),
                ChartSpec.of(ChartType.SCATTER, "Hit rate vs DRAM", "dramFootprintBytes", List.of("hitRate"), null),
                ChartSpec.of(ChartType.PARETO, "Speed vs DRAM footprint", "dramFootprintBytes",
                        List.of("tokensPerSecond"), "method"),
                ChartSpec.of(ChartType.STACKED_BAR, "Time per token", null, List.of(), null),
                ChartSpec.of(ChartType.HEATMAP, "Hit rate by layer", "method", List.of("hitRateByLayer"), null),
                ChartSpec.of(ChartType.COMPARISON, "PocketSim vs published", null, null, null));
    }

    private static PointResult point(int index, String id, String method, String density, double tps, double ms,
                                     double flash, double dram, double compute, long footprint, double hit,
                                     List<Double> byLayer, String note) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("method", method);
        params.put("density", density);
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("tokensPerSecond", tps);
        m.put("msPerToken", ms);
        m.put("msFlashIo", flash);
        m.put("msDramIo", dram);
        m.put("msCompute", compute);
        m.put("msStall", 0.0);
        m.put("dramFootprintBytes", (double) footprint);
        m.put("hitRate", hit);
        return new PointResult(index, id, params, m, Map.of("hitRateByLayer", byLayer),
                note == null ? List.of() : List.of(note));
    }
}

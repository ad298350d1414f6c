package org.pocketsim.engine.result;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReportChecksTest {

    /** The DIP example's sweep, with a swept DRAM budget besides. */
    private static Map<String, List<String>> axes() {
        Map<String, List<String>> a = new LinkedHashMap<>();
        a.put("run.mlp.keep", List.of("0.25", "0.5", "0.75"));
        a.put("run.mlp.gamma", List.of("1.0", "0.2"));
        a.put("run.mlp.cache", List.of("lru", "lfu"));
        return a;
    }

    private static void check(Map<String, List<String>> axes, List<String> summary, ChartSpec... charts) {
        ReportChecks.check(new ReportSpec(List.of(charts), summary, null), axes,
                (path, message) -> new IllegalArgumentException(path + ": " + message));
    }

    private static ChartSpec line(String x, String y, String seriesBy, Map<String, String> filter) {
        return new ChartSpec(ChartType.LINE, "L", x, List.of(y), seriesBy, filter, null, null, null, null, null, null, null);
    }

    @Test
    void theShippedDipChartsPass() {
        assertThatCode(() -> check(axes(), List.of("tokensPerSecond", "hitRate"),
                line("run.mlp.keep", "tokensPerSecond", "run.mlp.gamma", Map.of("run.mlp.cache", "lru")),
                new ChartSpec(ChartType.PARETO, "P", "normKept", List.of("tokensPerSecond"), "run.mlp.gamma", null,
                        null, null, null, null, ChartSpec.Better.HIGHER, null, null),
                ChartSpec.of(ChartType.STACKED_BAR, "B", null, List.of(), null),
                ChartSpec.of(ChartType.HEATMAP, "H", null, List.of("hitRateByLayer"), null),
                ChartSpec.of(ChartType.COMPARISON, "C", null, null, null))).doesNotThrowAnyException();
    }

    @Test
    void summaryMetricMustBeCatalogued() {
        assertThatThrownBy(() -> check(axes(), List.of("tokensPerSecond", "tokensPerSec")))
                .hasMessage("report.summary[1]: unknown metric 'tokensPerSec'; did you mean 'tokensPerSecond'?");
    }

    private static void checkTables(Map<String, String> summaryFilter, PointTableSpec... tables) {
        ReportChecks.check(new ReportSpec(List.of(), List.of(), null, summaryFilter, List.of(tables)), axes(),
                (path, message) -> new IllegalArgumentException(path + ": " + message));
    }

    @Test
    void summaryFilterAndTablesNameSweptParametersTheirValuesAndCataloguedMetrics() {
        assertThatCode(() -> checkTables(Map.of("run.mlp.cache", "lru"),
                new PointTableSpec("T", Map.of("run.mlp.gamma", "0.2"), List.of("hitRate"), null))).doesNotThrowAnyException();
        assertThatThrownBy(() -> checkTables(Map.of("run.mlp.cach", "lru")))
                .hasMessage("report.summaryFilter.run.mlp.cach: 'run.mlp.cach' is not a swept parameter"
                        + " (swept: run.mlp.keep, run.mlp.gamma, run.mlp.cache); did you mean 'run.mlp.cache'?");
        assertThatThrownBy(() -> checkTables(Map.of(), new PointTableSpec("T", Map.of(), List.of("hitRate"), null),
                new PointTableSpec("U", Map.of("run.mlp.gamma", "0.3"), List.of("hitRate"), null)))
                .hasMessage("report.tables[1].filter.run.mlp.gamma: '0.3' is not a value of run.mlp.gamma (it takes 1.0, 0.2)"
                        + "; did you mean '0.2'?");
        assertThatThrownBy(() -> checkTables(Map.of(), new PointTableSpec("T", Map.of(), List.of("hitRate", "normKep"), null)))
                .hasMessage("report.tables[0].metrics[1]: unknown metric 'normKep'; did you mean 'normKept'?");
    }

    @Test
    void yMetricMustBeCatalogued() {
        assertThatThrownBy(() -> check(axes(), List.of(),
                line("run.mlp.keep", "hitrate2", "run.mlp.gamma", Map.of("run.mlp.cache", "lru"))))
                .hasMessage("report.charts[0].y: unknown metric 'hitrate2'; did you mean 'hitRate'?");
    }

    @Test
    void heatmapNeedsAPerLayerSeries() {
        assertThatThrownBy(() -> check(axes(), List.of(), ChartSpec.of(ChartType.HEATMAP, "H", null, List.of("hitRate"), null)))
                .hasMessage("report.charts[0].y: 'hitRate' is not a per-layer series; a heatmap draws one of:"
                        + " " + String.join(", ", MetricCatalogue.names(MetricCatalogue.Kind.PER_LAYER)));
    }

    @Test
    void xMustBeAMetricOrASweptAxis() {
        assertThatThrownBy(() -> check(axes(), List.of(),
                line("run.mlp.kep", "tokensPerSecond", "run.mlp.gamma", Map.of("run.mlp.cache", "lru"))))
                .hasMessage("report.charts[0].x: 'run.mlp.kep' is neither a metric nor a swept parameter;"
                        + " did you mean 'run.mlp.keep'?");
    }

    @Test
    void xOfALineChartMustBeNumericOrUnitBearing() {
        assertThatThrownBy(() -> check(axes(), List.of(),
                line("run.mlp.cache", "tokensPerSecond", "run.mlp.gamma", Map.of("run.mlp.keep", "0.5"))))
                .hasMessage("report.charts[0].x: run.mlp.cache is swept over 'lru', which is not a number, size,"
                        + " bandwidth or frequency (or its values mix those); a line chart needs a numeric x:"
                        + " put run.mlp.cache in seriesBy, or draw a stacked-bar chart");
    }

    @Test
    void aSweptSizeIsANumericX() {
        Map<String, List<String>> a = new LinkedHashMap<>();
        a.put("run.placement.dramBudget", List.of("2 GB", "3 GB", "1500 MiB"));
        assertThatCode(() -> check(a, List.of(), line("run.placement.dramBudget", "tokensPerSecond", null, Map.of())))
                .doesNotThrowAnyException();
        assertThat(SweptQuantity.of(a.get("run.placement.dramBudget"))).contains(SweptQuantity.SIZE);
        assertThat(SweptQuantity.of(List.of("60 GB/s", "1 GB/s"))).contains(SweptQuantity.BANDWIDTH);
        assertThat(SweptQuantity.of(List.of("1.4 GHz", "800 MHz"))).contains(SweptQuantity.FREQUENCY);
        assertThat(SweptQuantity.of(List.of("2 GB", "1 GHz"))).isEmpty();
    }

    @Test
    void seriesByMustBeASweptAxis() {
        assertThatThrownBy(() -> check(axes(), List.of(),
                line("run.mlp.keep", "tokensPerSecond", "mlp.gamma", Map.of("run.mlp.cache", "lru"))))
                .hasMessage("report.charts[0].seriesBy: 'mlp.gamma' is not a swept parameter (swept: run.mlp.keep,"
                        + " run.mlp.gamma, run.mlp.cache); did you mean 'run.mlp.gamma'?");
    }

    @Test
    void filterKeyMustBeASweptAxis() {
        assertThatThrownBy(() -> check(axes(), List.of(),
                line("run.mlp.keep", "tokensPerSecond", "run.mlp.gamma", Map.of("run.mlp.cahce", "lru"))))
                .hasMessage("report.charts[0].filter.run.mlp.cahce: 'run.mlp.cahce' is not a swept parameter (swept:"
                        + " run.mlp.keep, run.mlp.gamma, run.mlp.cache); did you mean 'run.mlp.cache'?");
    }

    @Test
    void filterValueMustBeOneOfTheAxisValues() {
        assertThatThrownBy(() -> check(axes(), List.of(),
                line("run.mlp.keep", "tokensPerSecond", "run.mlp.gamma", Map.of("run.mlp.cache", "lruu"))))
                .hasMessage("report.charts[0].filter.run.mlp.cache: 'lruu' is not a value of run.mlp.cache (it takes"
                        + " lru, lfu); did you mean 'lru'?");
    }

    @Test
    void aLineChartMustAccountForEverySweptAxis() {
        assertThatThrownBy(() -> check(axes(), List.of(), line("run.mlp.keep", "tokensPerSecond", "run.mlp.gamma", Map.of())))
                .hasMessage("report.charts[0]: this line chart would join points that differ in run.mlp.cache (lru, lfu),"
                        + " which neither x, seriesBy nor filter accounts for; add filter: {run.mlp.cache: lru}");
        assertThatThrownBy(() -> check(axes(), List.of(), line("run.mlp.keep", "tokensPerSecond", null,
                Map.of("run.mlp.cache", "lru"))))
                .hasMessage("report.charts[0]: this line chart would join points that differ in run.mlp.gamma (1.0, 0.2),"
                        + " which neither x, seriesBy nor filter accounts for; add seriesBy: run.mlp.gamma,"
                        + " or filter: {run.mlp.gamma: 1.0}");
    }

    @Test
    void againstAMetricOneFreeAxisIsTheCurvesParameterAndASecondIsAnError() {
        Map<String, List<String>> a = new LinkedHashMap<>();
        a.put("run.placement.dramBudget", List.of("2 GB", "3 GB"));
        a.put("run", List.of("dense", "DIP 0.5"));
        assertThatCode(() -> check(a, List.of(), line("dramFootprintBytes", "tokensPerSecond", "run", Map.of())))
                .doesNotThrowAnyException();
        a.put("run.mlp.cache", List.of("lru", "lfu"));
        assertThatThrownBy(() -> check(a, List.of(), line("dramFootprintBytes", "tokensPerSecond", "run", Map.of())))
                .hasMessage("report.charts[0]: this line chart would join points that differ in run.mlp.cache (lru, lfu),"
                        + " which neither x, seriesBy nor filter accounts for; add filter: {run.mlp.cache: lru}");
    }

    @Test
    void anAxisWithOneValueNeedsNoAccounting() {
        Map<String, List<String>> a = axes();
        a.put("run.mlp.cache", List.of("lru"));
        assertThatCode(() -> check(a, List.of(), line("run.mlp.keep", "tokensPerSecond", "run.mlp.gamma", Map.of())))
                .doesNotThrowAnyException();
        assertThat(ReportChecks.unaccountedAxes(line("run.mlp.keep", "tokensPerSecond", null, Map.of()), a))
                .containsExactly("run.mlp.gamma");
    }

    @Test
    void theZippedRunKeyIsAnAxisLikeAnyOther() {
        Map<String, List<String>> a = new LinkedHashMap<>();
        a.put("run.mlp.cachedExperts", List.of("8", "16", "32", "48"));
        a.put("run", List.of("real trace, top-k, LRU", "real trace, top-k, Belady"));
        assertThatCode(() -> check(a, List.of("hitRate", "decisionsChanged"),
                line("run.mlp.cachedExperts", "hitRate", "run", Map.of()))).doesNotThrowAnyException();
    }
}

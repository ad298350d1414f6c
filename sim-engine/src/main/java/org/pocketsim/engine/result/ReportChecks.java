package org.pocketsim.engine.result;

import org.pocketsim.hw.config.Suggest;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * Checks a report section against the metric catalogue and the sweep, before any simulation:
 * every name a chart, the summary or a table of points uses must exist, every filter must name
 * swept parameters and their values, and a line chart must not join points that
 * differ in a swept axis it does not account for. Pure: the loader calls it with the swept
 * axes and turns the first problem into its located one-line error.
 */
public final class ReportChecks {

    private ReportChecks() {
    }

    /**
     * @param report     the report section
     * @param axisValues each swept parameter (path from the file root, e.g. {@code run.mlp.keep},
     *                   or {@code run} for the zipped whole run) to its distinct value texts, in sweep order
     * @param error      builds the exception for a field path (e.g. {@code report.charts[2].seriesBy})
     *                   and a message; the first problem found is thrown
     */
    public static void check(ReportSpec report, Map<String, List<String>> axisValues,
                             BiFunction<String, String, RuntimeException> error) {
        checkMetrics(report.summary(), "report.summary", error);
        checkFilter(report.summaryFilter(), "report.summaryFilter", axisValues, error);
        for (int i = 0; i < report.tables().size(); i++) {
            PointTableSpec t = report.tables().get(i);
            checkMetrics(t.metrics(), "report.tables[" + i + "].metrics", error);
            checkFilter(t.filter(), "report.tables[" + i + "].filter", axisValues, error);
        }
        for (int i = 0; i < report.charts().size(); i++) {
            checkChart(report.charts().get(i), "report.charts[" + i + "]", axisValues, error);
        }
    }

    /** Every name of a table's columns is a catalogued scalar metric. */
    private static void checkMetrics(List<String> names, String at, BiFunction<String, String, RuntimeException> error) {
        for (int j = 0; j < names.size(); j++) {
            if (!isScalar(names.get(j))) throw error.apply(at + "[" + j + "]", unknownMetric(names.get(j), scalarNames()));
        }
    }

    /** Every key of a filter is a swept parameter and its value one of that parameter's values. */
    private static void checkFilter(Map<String, String> filter, String at, Map<String, List<String>> axes,
                                    BiFunction<String, String, RuntimeException> error) {
        for (Map.Entry<String, String> f : filter.entrySet()) {
            List<String> values = axes.get(f.getKey());
            if (values == null) throw error.apply(at + "." + f.getKey(), notAnAxis(f.getKey(), axes.keySet()));
            if (!values.contains(f.getValue())) {
                throw error.apply(at + "." + f.getKey(), "'" + f.getValue() + "' is not a value of "
                        + f.getKey() + " (it takes " + String.join(", ", values) + ")" + suggestion(f.getValue(), values));
            }
        }
    }

    private static void checkChart(ChartSpec c, String at, Map<String, List<String>> axes,
                                   BiFunction<String, String, RuntimeException> error) {
        if (c.type() == ChartType.COMPARISON) return;
        for (int k = 0; k < c.y().size(); k++) {
            String y = c.y().get(k);
            String path = at + (c.y().size() == 1 ? ".y" : ".y[" + k + "]");
            if (c.type() == ChartType.HEATMAP) {
                if (!isPerLayer(y)) {
                    throw error.apply(path, "'" + y + "' is not a per-layer series; a heatmap draws one of: "
                            + String.join(", ", MetricCatalogue.names(MetricCatalogue.Kind.PER_LAYER))
                            + suggestion(y, MetricCatalogue.names(MetricCatalogue.Kind.PER_LAYER)));
                }
            } else if (c.type() == ChartType.SCATTER && isPerLayer(c.x())) {
                if (!isPerLayer(y)) {
                    throw error.apply(path, "'" + y + "' is not a series; a scatter against the series " + c.x()
                            + " draws series of the same points" + suggestion(y, MetricCatalogue.names(MetricCatalogue.Kind.PER_LAYER)));
                }
            } else if (!isScalar(y)) {
                throw error.apply(path, unknownMetric(y, scalarNames()));
            }
        }
        if (c.x() != null) checkX(c, at + ".x", axes, error);
        if (c.seriesBy() != null && !axes.containsKey(c.seriesBy())) {
            throw error.apply(at + ".seriesBy", notAnAxis(c.seriesBy(), axes.keySet()));
        }
        List<String> labelBy = c.labelBy() == null ? List.of() : c.labelBy();
        for (int k = 0; k < labelBy.size(); k++) {
            if (!axes.containsKey(labelBy.get(k))) {
                throw error.apply(at + ".labelBy" + (labelBy.size() == 1 ? "" : "[" + k + "]"), notAnAxis(labelBy.get(k), axes.keySet()));
            }
        }
        checkFilter(c.filter(), at + ".filter", axes, error);
        if (c.type() == ChartType.LINE) {
            List<String> open = unaccountedAxes(c, axes);
            // Against a metric, one free axis is the curve's own parameter (DRAM footprint as the budget grows).
            boolean xIsMetric = c.x() != null && !axes.containsKey(c.x());
            if (open.size() > (xIsMetric ? 1 : 0)) {
                String axis = open.get(xIsMetric ? 1 : 0);
                List<String> values = axes.get(axis);
                String fix = c.seriesBy() == null
                        ? "add seriesBy: " + axis + ", or filter: {" + axis + ": " + values.get(0) + "}"
                        : "add filter: {" + axis + ": " + values.get(0) + "}";
                throw error.apply(at, "this line chart would join points that differ in " + axis + " ("
                        + String.join(", ", values) + "), which neither x, seriesBy nor filter accounts for; " + fix);
            }
        }
    }

    /** Swept axes with more than one value that a chart's x, seriesBy and filter leave open, in sweep order. */
    public static List<String> unaccountedAxes(ChartSpec c, Map<String, List<String>> axes) {
        List<String> open = new ArrayList<>();
        for (Map.Entry<String, List<String>> a : axes.entrySet()) {
            String name = a.getKey();
            if (new LinkedHashSet<>(a.getValue()).size() < 2) continue;
            if (name.equals(c.x()) || name.equals(c.seriesBy()) || c.filter().containsKey(name)) continue;
            open.add(name);
        }
        return open;
    }

    private static void checkX(ChartSpec c, String at, Map<String, List<String>> axes,
                               BiFunction<String, String, RuntimeException> error) {
        String x = c.x();
        boolean numeric = c.type() == ChartType.LINE || c.type() == ChartType.SCATTER || c.type() == ChartType.PARETO;
        if (isScalar(x)) return;
        if (c.type() == ChartType.SCATTER && isPerLayer(x)) return;
        List<String> values = axes.get(x);
        if (values == null) {
            List<String> candidates = new ArrayList<>(axes.keySet());
            candidates.addAll(scalarNames());
            throw error.apply(at, "'" + x + "' is neither a metric nor a swept parameter" + suggestion(x, candidates));
        }
        if (!numeric) return;
        Optional<SweptQuantity> q = SweptQuantity.of(values);
        if (q.isEmpty()) {
            String bad = values.stream().filter(v -> SweptQuantity.of(List.of(v)).isEmpty()).findFirst()
                    .orElse(values.get(0));
            throw error.apply(at, x + " is swept over '" + bad + "', which is not a number, size, bandwidth or "
                    + "frequency (or its values mix those); a " + c.type().yamlName() + " chart needs a numeric x: "
                    + "put " + x + " in seriesBy, or draw a stacked-bar chart");
        }
    }

    private static boolean isScalar(String name) {
        return MetricCatalogue.find(name).filter(m -> !m.perLayer()).isPresent();
    }

    private static boolean isPerLayer(String name) {
        return MetricCatalogue.find(name).filter(MetricCatalogue.Metric::perLayer).isPresent();
    }

    private static List<String> scalarNames() {
        return MetricCatalogue.names(MetricCatalogue.Kind.SCALAR).stream()
                .filter(n -> !n.endsWith(".")).toList();
    }

    private static String unknownMetric(String name, Collection<String> candidates) {
        return "unknown metric '" + name + "'" + suggestion(name, candidates);
    }

    private static String notAnAxis(String name, Set<String> axes) {
        return "'" + name + "' is not a swept parameter" + (axes.isEmpty() ? " (the experiment sweeps nothing)"
                : " (swept: " + String.join(", ", axes) + ")") + suggestion(name, axes);
    }

    private static String suggestion(String name, Collection<String> candidates) {
        return Suggest.nearest(name, candidates).map(s -> "; did you mean '" + s + "'?").orElse("");
    }
}

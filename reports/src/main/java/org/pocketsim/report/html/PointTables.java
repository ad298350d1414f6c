package org.pocketsim.report.html;

import org.pocketsim.engine.result.ExperimentResult;
import org.pocketsim.engine.result.MetricCatalogue;
import org.pocketsim.engine.result.Metrics;
import org.pocketsim.engine.result.ParameterNames;
import org.pocketsim.engine.result.PointResult;
import org.pocketsim.engine.result.PointTableSpec;
import org.pocketsim.report.data.DisplayUnit;
import org.pocketsim.report.data.ParamLookup;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The per-point tables: the summary (chosen metrics, the points of {@code report.summaryFilter}),
 * the further tables of {@code report.tables} and all results (every metric), headers
 * from the metric catalogue with the unit each column is shown in ("DRAM footprint (GB)"),
 * values with sensible digits in that unit, exact values kept for sorting; and the notes on
 * points that say something beyond the point's own label.
 */
final class PointTables {

    private PointTables() {
    }

    static void summary(StringBuilder out, ExperimentResult r) {
        List<String> wanted = r.report().summary().isEmpty() ? Metrics.DEFAULT_SUMMARY : r.report().summary();
        List<String> present = r.metricNames();
        List<String> metrics = wanted.stream().filter(present::contains).toList();
        out.append("<h2 id=\"summary\">Summary</h2>\n");
        if (r.points().isEmpty()) {
            out.append("<p class=\"note\">The experiment produced no points.</p>\n");
            return;
        }
        Map<String, String> filter = r.report().summaryFilter();
        List<PointResult> points = selected(r, filter);
        if (!filter.isEmpty()) {
            out.append("<p class=\"note\">").append(Html.escape(selection(r, filter, points))).append(" Every point is under ")
                    .append("<a href=\"#results\">All results</a>.</p>\n");
        }
        table(out, r, "summary-table", points, filter, metrics, false, true);
        out.append("<p class=\"note\">Click a column header to sort by it; click again to reverse. Values carry the unit in "
                + "their column's header; exact values are in <a href=\"").append(ReportPage.CSV_FILE)
                .append("\">results.csv</a>.</p>\n");
    }

    /** The report's further tables of points ({@code report.tables}), each under its own heading. */
    static void tables(StringBuilder out, ExperimentResult r) {
        List<PointTableSpec> tables = r.report().tables();
        for (int i = 0; i < tables.size(); i++) {
            PointTableSpec t = tables.get(i);
            out.append("<h2 id=\"").append(tableId(i)).append("\">").append(Html.escape(t.title())).append("</h2>\n");
            List<PointResult> points = selected(r, t.filter());
            List<String> said = new ArrayList<>();
            if (!t.filter().isEmpty()) said.add(selection(r, t.filter(), points));
            if (t.note() != null) said.add(t.note());
            if (!said.isEmpty()) out.append("<p class=\"note\">").append(Html.escape(String.join(" ", said))).append("</p>\n");
            List<String> present = r.metricNames();
            table(out, r, tableId(i) + "-data", points, t.filter(),
                    t.metrics().stream().filter(present::contains).toList(), false, false);
        }
    }

    /** The anchor of the {@code i}-th table of {@code report.tables}. */
    static String tableId(int i) {
        return "points-table-" + i;
    }

    private static List<PointResult> selected(ExperimentResult r, Map<String, String> filter) {
        return r.points().stream().filter(p -> ParamLookup.matches(p, filter)).toList();
    }

    /** "Points with run = log device, Q4_0 (16 of 144)." */
    private static String selection(ExperimentResult r, Map<String, String> filter, List<PointResult> selected) {
        return "Points with " + filter.entrySet().stream().map(e -> ParameterNames.pair(e.getKey(), e.getValue()))
                .collect(Collectors.joining(", ")) + " (" + selected.size() + " of " + r.points().size() + ").";
    }

    static void all(StringBuilder out, ExperimentResult r) {
        out.append("<h2 id=\"results\">All results</h2>\n");
        out.append("<p class=\"note\">Every metric of every point, three significant digits in the unit of the column header; "
                + "exact values (stored units: bytes, ms, fractions) in <a href=\"").append(ReportPage.CSV_FILE)
                .append("\">results.csv</a>, per-layer series in <a href=\"").append(ReportPage.JSON_FILE)
                .append("\">results.json</a>.</p>\n");
        table(out, r, "results-table", r.points(), Map.of(), r.metricNames(), true, false);
    }

    /**
     * A table of {@code points}: index, the swept parameters but those {@code fixed} holds to one
     * value (the note above the table names them), then {@code metrics}.
     */
    private static void table(StringBuilder out, ExperimentResult r, String id, List<PointResult> points, Map<String, String> fixed,
                              List<String> metrics, boolean withId, boolean filter) {
        List<String> params = r.parameterNames().stream()
                .filter(name -> fixed.keySet().stream().noneMatch(f -> ParamLookup.same(f, name))).toList();
        List<DisplayUnit> units = new ArrayList<>();
        List<String> header = new ArrayList<>(List.of("#"));
        List<String> tips = new ArrayList<>();
        tips.add("Point index in the sweep");
        if (withId) {
            header.add("point id");
            tips.add("Stable id of the point (hash of its resolved spec)");
        }
        for (String p : params) {
            header.add(ParameterNames.RUN.equals(p) ? "run" : ParameterNames.label(p));
            tips.add(ParameterNames.RUN.equals(p) ? "The run's label (swept as a whole)" : "Swept parameter " + p);
        }
        for (String m : metrics) {
            double max = 0;
            for (PointResult p : points) if (p.hasMetric(m)) max = Math.max(max, Math.abs(p.metric(m)));
            String stored = MetricCatalogue.find(m).map(MetricCatalogue.Metric::unit).orElse("");
            DisplayUnit unit = DisplayUnit.pick(stored, max);
            units.add(unit);
            header.add(unit.title(MetricCatalogue.labelOf(m)));
            tips.add(tooltip(m));
        }
        List<List<Html.Cell>> rows = new ArrayList<>();
        for (PointResult p : points) {
            List<Html.Cell> row = new ArrayList<>();
            row.add(new Html.Cell(Integer.toString(p.index()), (double) p.index()));
            if (withId) row.add(Html.Cell.text(p.pointId()));
            for (String name : params) row.add(Html.Cell.text(ParameterNames.value(name, p.parameters().getOrDefault(name, ""))));
            for (int k = 0; k < metrics.size(); k++) {
                String m = metrics.get(k);
                row.add(p.hasMetric(m) ? new Html.Cell(units.get(k).format(p.metric(m)), p.metric(m)) : Html.Cell.text(""));
            }
            rows.add(row);
        }
        Html.sortableTable(out, id, null, header, tips, rows, filter, 1 + (withId ? 1 : 0) + params.size(), filter);
    }

    /** "Metric tokensPerSecond, stored in tok/s; higher is better". */
    private static String tooltip(String metric) {
        return MetricCatalogue.find(metric).map(m -> "Metric " + m.name() + ", stored in " + m.unit()
                + (m.better() == null ? "" : "; " + m.better().yamlName() + " is better")).orElse("Metric " + metric);
    }

    /**
     * Notes on points: what each point calibrates, assumes or extrapolates. A note that only
     * repeats one of the point's own parameter values (its run label) says nothing and is left out.
     */
    static boolean hasNotes(ExperimentResult r) {
        return r.points().stream().anyMatch(p -> !notesOf(p).isEmpty());
    }

    static void notes(StringBuilder out, ExperimentResult r) {
        if (!hasNotes(r)) return;
        out.append("<h2 id=\"notes\">Notes on points</h2>\n");
        out.append("<p class=\"note\">What each point calibrates, assumes or extrapolates.</p>\n<dl class=\"notes\">\n");
        List<String> common = new ArrayList<>(notesOf(r.points().get(0)));
        for (PointResult p : r.points()) common.retainAll(notesOf(p));
        if (r.points().size() > 1 && !common.isEmpty()) {
            out.append("<dt>All points</dt>");
            for (String note : common) out.append("<dd>").append(Html.escape(note)).append("</dd>");
            out.append("\n");
        } else {
            common.clear();
        }
        List<String> names = r.parameterNames();
        for (PointResult p : r.points()) {
            List<String> notes = new ArrayList<>(notesOf(p));
            notes.removeAll(common);
            if (notes.isEmpty()) continue;
            List<String> parts = new ArrayList<>();
            for (String n : names) {
                String v = p.parameters().get(n);
                if (v != null) parts.add(ParameterNames.pair(n, v));
            }
            out.append("<dt>#").append(p.index()).append(parts.isEmpty() ? "" : " " + Html.escape(String.join(", ", parts)))
                    .append("</dt>");
            for (String note : notes) out.append("<dd>").append(Html.escape(note)).append("</dd>");
            out.append("\n");
        }
        out.append("</dl>\n");
    }

    private static List<String> notesOf(PointResult p) {
        return p.notes().stream().filter(n -> !p.parameters().containsValue(n)).toList();
    }
}

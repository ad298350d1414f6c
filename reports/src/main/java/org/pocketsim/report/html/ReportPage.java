package org.pocketsim.report.html;

import org.pocketsim.engine.result.ChartSpec;
import org.pocketsim.engine.result.Comparison;
import org.pocketsim.engine.result.ExperimentResult;
import org.pocketsim.engine.result.Metrics;
import org.pocketsim.engine.result.PointResult;
import org.pocketsim.engine.result.ResultTable;
import org.pocketsim.engine.result.TraceProvenance;
import org.pocketsim.report.chart.ChartRenderer;
import org.pocketsim.report.data.NumberText;
import org.pocketsim.report.data.ResultsCsv;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * {@code index.html} of a report: title and question, run metadata, summary table, predictions
 * beside published measurements, charts, extra tables, the full results, notes on points, trace
 * provenance and the config as run. Self-contained (inline CSS, images by relative link to PNGs in the same
 * folder), so it opens from disk with no server. All text is HTML-escaped.
 */
public final class ReportPage {

    /** Files the page links to besides the chart PNGs. */
    public static final String CSV_FILE = "results.csv";
    public static final String JSON_FILE = "results.json";

    private ReportPage() {
    }

    public static String render(ExperimentResult r) {
        StringBuilder out = new StringBuilder(16_384);
        out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(Html.escape(r.title())).append(" · PocketSim</title>\n")
                .append("<style>\n").append(PageStyle.CSS).append("</style>\n</head>\n<body>\n");
        header(out, r);
        summary(out, r);
        comparisons(out, r);
        charts(out, r);
        for (int i = 0; i < r.tables().size(); i++) extraTable(out, r.tables().get(i), i);
        results(out, r);
        notes(out, r);
        traces(out, r);
        config(out, r);
        out.append("<footer>PocketSim ").append(Html.escape(r.version())).append("</footer>\n</body>\n</html>\n");
        return out.toString();
    }

    private static void header(StringBuilder out, ExperimentResult r) {
        out.append("<header>\n<h1>").append(Html.escape(r.title())).append("</h1>\n");
        if (!r.question().isBlank()) out.append("<p class=\"question\">").append(Html.escape(r.question())).append("</p>\n");
        out.append("<dl class=\"meta\">\n");
        meta(out, "experiment", r.experimentId());
        meta(out, "PocketSim version", r.version());
        meta(out, "seed", Long.toString(r.seed()));
        meta(out, "config hash", r.configHash());
        meta(out, "points", Integer.toString(r.points().size()));
        out.append("</dl>\n<nav><a href=\"").append(CSV_FILE).append("\">results.csv</a><a href=\"").append(JSON_FILE)
                .append("\">results.json</a><a href=\"#config\">config as run</a></nav>\n</header>\n");
    }

    private static void meta(StringBuilder out, String key, String value) {
        out.append("<dt>").append(Html.escape(key)).append("</dt><dd>").append(Html.escape(value)).append("</dd>\n");
    }

    private static void summary(StringBuilder out, ExperimentResult r) {
        List<String> wanted = r.report().summary().isEmpty() ? Metrics.DEFAULT_SUMMARY : r.report().summary();
        List<String> present = r.metricNames();
        List<String> metrics = wanted.stream().filter(present::contains).toList();
        out.append("<h2 id=\"summary-title\">Summary</h2>\n");
        if (r.points().isEmpty()) {
            out.append("<p class=\"note\">The experiment produced no points.</p>\n");
            return;
        }
        List<String> params = r.parameterNames();
        List<String> header = new ArrayList<>(List.of("#"));
        header.addAll(params);
        header.addAll(metrics);
        List<List<String>> rows = new ArrayList<>();
        for (PointResult p : r.points()) rows.add(pointRow(p, params, metrics));
        Html.table(out, "summary", header, rows);
    }

    private static void comparisons(StringBuilder out, ExperimentResult r) {
        if (r.comparisons().isEmpty()) return;
        double tol = r.report().comparisonTolerance();
        out.append("<h2 id=\"comparison-title\">PocketSim beside published measurements</h2>\n");
        List<List<String>> rows = new ArrayList<>();
        List<String> classes = new ArrayList<>();
        int off = 0;
        for (Comparison c : r.comparisons()) {
            rows.add(List.of(c.label(), c.metric(), NumberText.display(c.predicted()), NumberText.display(c.published()),
                    c.unit(), percent(c.relativeError()), c.source()));
            boolean outside = !c.within(tol);
            classes.add(outside ? "off" : null);
            if (outside) off++;
        }
        Html.table(out, "comparison", List.of("measurement", "metric", "PocketSim", "published", "unit",
                "relative error", "source"), rows, classes);
        out.append("<p class=\"note\">").append(r.comparisons().size() - off).append(" of ").append(r.comparisons().size())
                .append(" within ±").append(Html.escape(percentPlain(tol))).append(" of the published value")
                .append(off > 0 ? "; rows outside are highlighted." : ".").append("</p>\n");
    }

    private static void charts(StringBuilder out, ExperimentResult r) {
        if (r.report().charts().isEmpty()) return;
        out.append("<h2 id=\"charts-title\">Charts</h2>\n");
        for (ChartSpec c : r.report().charts()) {
            String file = ChartRenderer.fileName(c);
            out.append("<figure><img src=\"").append(Html.escape(file)).append("\" alt=\"").append(Html.escape(c.title()))
                    .append("\" width=\"").append(ChartRenderer.widthPx()).append("\" height=\"")
                    .append(ChartRenderer.heightPx()).append("\">");
            if (!c.filter().isEmpty()) {
                out.append("<figcaption>points with ").append(Html.escape(c.filter().entrySet().stream()
                        .map(e -> e.getKey() + " = " + e.getValue()).collect(Collectors.joining(", "))))
                        .append("</figcaption>");
            }
            out.append("</figure>\n");
        }
    }

    private static void extraTable(StringBuilder out, ResultTable t, int i) {
        out.append("<h2 id=\"table-").append(i).append("-title\">").append(Html.escape(t.title())).append("</h2>\n");
        Html.table(out, "table-" + i, t.columns(), t.rows());
    }

    private static void results(StringBuilder out, ExperimentResult r) {
        out.append("<h2 id=\"results-title\">All results</h2>\n");
        out.append("<p class=\"note\">Four significant digits; exact values in <a href=\"").append(CSV_FILE)
                .append("\">results.csv</a>, per-layer series in <a href=\"").append(JSON_FILE)
                .append("\">results.json</a>.</p>\n");
        List<String> params = r.parameterNames();
        List<String> metrics = r.metricNames();
        List<List<String>> rows = new ArrayList<>();
        for (PointResult p : r.points()) {
            List<String> row = new ArrayList<>(pointRow(p, params, metrics));
            row.add(1, p.pointId());
            rows.add(row);
        }
        Html.table(out, "results", ResultsCsv.columns(r), rows);
    }

    private static void notes(StringBuilder out, ExperimentResult r) {
        List<List<String>> rows = new ArrayList<>();
        for (PointResult p : r.points()) {
            for (String note : p.notes()) rows.add(List.of(Integer.toString(p.index()), p.pointId(), note));
        }
        if (rows.isEmpty()) return;
        out.append("<h2 id=\"notes-title\">Notes on points</h2>\n");
        Html.table(out, "notes", List.of("index", "pointId", "note"), rows);
    }

    private static void traces(StringBuilder out, ExperimentResult r) {
        out.append("<h2 id=\"traces-title\">Trace provenance</h2>\n");
        if (r.traces().isEmpty()) {
            out.append("<p class=\"note\">No trace was used.</p>\n");
            return;
        }
        List<List<String>> rows = new ArrayList<>();
        for (TraceProvenance t : r.traces()) {
            String details = t.details().entrySet().stream().map(e -> e.getKey() + ": " + e.getValue())
                    .collect(Collectors.joining("; "));
            rows.add(List.of(t.label(), t.modelId(), t.sourceKind(), Integer.toString(t.tokens()), details));
        }
        Html.table(out, "traces", List.of("trace", "model", "source", "tokens", "details"), rows);
    }

    private static void config(StringBuilder out, ExperimentResult r) {
        out.append("<h2 id=\"config\">Config as run</h2>\n<p class=\"note\">hash ").append(Html.escape(r.configHash()))
                .append(", seed ").append(r.seed()).append("</p>\n<pre id=\"config-text\">")
                .append(Html.escape(r.configText())).append("</pre>\n");
    }

    private static List<String> pointRow(PointResult p, List<String> params, List<String> metrics) {
        List<String> row = new ArrayList<>();
        row.add(Integer.toString(p.index()));
        for (String name : params) row.add(p.parameters().getOrDefault(name, ""));
        for (String name : metrics) row.add(p.hasMetric(name) ? NumberText.display(p.metric(name)) : "");
        return row;
    }

    /** Signed percentage with one decimal, e.g. "+4.6%". */
    static String percent(double fraction) {
        return String.format(Locale.ROOT, "%+.1f%%", fraction * 100);
    }

    private static String percentPlain(double fraction) {
        return NumberText.display(fraction * 100) + "%";
    }
}

package org.pocketsim.report.html;

import org.pocketsim.engine.result.ChartSpec;
import org.pocketsim.engine.result.ChartType;
import org.pocketsim.engine.result.Comparison;
import org.pocketsim.engine.result.ExperimentResult;
import org.pocketsim.engine.result.MetricCatalogue;
import org.pocketsim.engine.result.ParameterNames;
import org.pocketsim.engine.result.ReportSpec;
import org.pocketsim.engine.result.ResultTable;
import org.pocketsim.report.chart.ChartDrawing;
import org.pocketsim.report.chart.ChartRenderer;
import org.pocketsim.report.data.DisplayUnit;
import org.pocketsim.report.data.NumberText;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code index.html} of a report: title and question, run metadata, a table of contents, the
 * points that failed (when some did), the summary table (sortable, filterable) and the report's further
 * tables of points, published measurements beside PocketSim's predictions
 * with the relative-error chart, the charts (PNG shown, PNG and SVG linked), extra tables, all
 * results, notes on points, provenance (version, commit, hash, seed, resolved numbers of each
 * point, traces) and the config as run. Self-contained: inline CSS and script, images by
 * relative link, no network. All text is HTML-escaped.
 */
public final class ReportPage {

    /** Files the page links to besides the charts. */
    public static final String CSV_FILE = "results.csv";
    public static final String JSON_FILE = "results.json";

    private ReportPage() {
    }

    /** The page, drawing the charts in memory for their sizes, alt texts and notes (the files are the writer's). */
    public static String render(ExperimentResult r, Optional<String> commit) {
        Map<ChartSpec, ChartDrawing> drawings = new LinkedHashMap<>();
        List<String> leftOut = new ArrayList<>();
        for (ChartSpec c : ChartRenderer.charts(r)) {
            try {
                drawings.put(c, ChartRenderer.build(c, r));
            } catch (IllegalArgumentException e) {
                leftOut.add(leftOut(r, e));
            }
        }
        return render(r, drawings, leftOut, commit);
    }

    /** The page for charts already drawn, in {@link ChartRenderer#charts} order. */
    public static String render(ExperimentResult r, Map<ChartSpec, ChartDrawing> drawings, Optional<String> commit) {
        return render(r, drawings, List.of(), commit);
    }

    /**
     * A chart that cannot be drawn because points it needs failed is left out and named in the
     * failed-points section; in a run without failed points that is an error, thrown again here.
     */
    public static String leftOut(ExperimentResult r, IllegalArgumentException e) {
        if (r.failedPoints().isEmpty()) throw e;
        return e.getMessage();
    }

    /**
     * The page for charts already drawn, in {@link ChartRenderer#charts} order; {@code leftOut}
     * names the charts not drawn because points they needed failed.
     */
    public static String render(ExperimentResult r, Map<ChartSpec, ChartDrawing> drawings, List<String> leftOut,
                                Optional<String> commit) {
        StringBuilder out = new StringBuilder(32_768);
        out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(Html.escape(r.title())).append(" · PocketSim</title>\n")
                .append("<style>\n").append(PageStyle.CSS).append("</style>\n</head>\n<body>\n");
        header(out, r, commit);
        toc(out, r, drawings);
        FailedPoints.section(out, r, leftOut);
        PointTables.summary(out, r);
        PointTables.tables(out, r);
        comparisons(out, r, drawings);
        charts(out, drawings);
        for (int i = 0; i < r.tables().size(); i++) extraTable(out, r.tables().get(i), i);
        PointTables.all(out, r);
        PointTables.notes(out, r);
        Provenance.section(out, r, commit);
        out.append("<footer>PocketSim ").append(Html.escape(r.version())).append("</footer>\n")
                .append("<script>\n").append(PageScript.JS).append("</script>\n</body>\n</html>\n");
        return out.toString();
    }

    private static void header(StringBuilder out, ExperimentResult r, Optional<String> commit) {
        out.append("<header>\n<h1>").append(Html.escape(r.title())).append("</h1>\n");
        if (!r.question().isBlank()) out.append("<p class=\"question\">").append(Html.escape(r.question())).append("</p>\n");
        out.append("<dl class=\"meta\">\n");
        meta(out, "experiment", r.experimentId());
        meta(out, "PocketSim", r.version() + commit.map(c -> " @ " + c.substring(0, 12)).orElse(""));
        meta(out, "seed", Long.toString(r.seed()));
        meta(out, "config hash", r.configHash());
        meta(out, "points", Integer.toString(r.points().size()));
        if (!r.failedPoints().isEmpty()) meta(out, "failed points", Integer.toString(r.failedPoints().size()));
        out.append("</dl>\n<p class=\"files\">Data: <a href=\"").append(CSV_FILE).append("\">results.csv</a> · <a href=\"")
                .append(JSON_FILE).append("\">results.json</a></p>\n</header>\n");
    }

    private static void meta(StringBuilder out, String key, String value) {
        out.append("<dt>").append(Html.escape(key)).append("</dt><dd>").append(Html.escape(value)).append("</dd>\n");
    }

    private static void toc(StringBuilder out, ExperimentResult r, Map<ChartSpec, ChartDrawing> drawings) {
        out.append("<nav class=\"toc\" aria-label=\"Contents\"><h2 id=\"contents\">Contents</h2>\n<ol>\n");
        if (!r.failedPoints().isEmpty()) item(out, FailedPoints.ID, "Failed points");
        item(out, "summary", "Summary");
        for (int i = 0; i < r.report().tables().size(); i++) item(out, PointTables.tableId(i), r.report().tables().get(i).title());
        if (!r.comparisons().isEmpty()) item(out, "published", "Published vs PocketSim");
        List<ChartSpec> plain = plainCharts(drawings);
        if (!plain.isEmpty()) {
            out.append("<li><a href=\"#charts\">Charts</a><ol>\n");
            for (ChartSpec c : plain) item(out, anchor(c), c.title());
            out.append("</ol></li>\n");
        }
        for (int i = 0; i < r.tables().size(); i++) item(out, "table-" + i, r.tables().get(i).title());
        item(out, "results", "All results");
        if (PointTables.hasNotes(r)) item(out, "notes", "Notes on points");
        item(out, "provenance", "Provenance");
        item(out, "config", "Config as run");
        out.append("</ol></nav>\n");
    }

    private static void item(StringBuilder out, String id, String text) {
        out.append("<li><a href=\"#").append(Html.escape(id)).append("\">").append(Html.escape(text)).append("</a></li>\n");
    }

    static String anchor(ChartSpec c) {
        return "chart-" + ReportSpec.slug(c.title());
    }

    private static List<ChartSpec> plainCharts(Map<ChartSpec, ChartDrawing> drawings) {
        return drawings.keySet().stream().filter(c -> c.type() != ChartType.COMPARISON).toList();
    }

    private static void comparisons(StringBuilder out, ExperimentResult r, Map<ChartSpec, ChartDrawing> drawings) {
        if (r.comparisons().isEmpty()) return;
        double tol = r.report().comparisonTolerance();
        out.append("<h2 id=\"published\">Published vs PocketSim</h2>\n");
        List<List<String>> rows = new ArrayList<>();
        List<String> classes = new ArrayList<>();
        int off = 0;
        for (Comparison c : r.comparisons()) {
            String stored = MetricCatalogue.find(c.metric()).map(MetricCatalogue.Metric::unit).orElse(c.unit());
            boolean sameUnit = c.unit().isEmpty() || c.unit().equals(stored);
            DisplayUnit unit = sameUnit ? DisplayUnit.pick(stored, Math.abs(c.published())) : DisplayUnit.identity(c.unit());
            rows.add(List.of(c.label(), MetricCatalogue.labelOf(c.metric()), unit.withUnit(c.predicted(), 4),
                    unit.withUnit(c.published(), 4), percent(c.relativeError()), c.source()));
            boolean outside = !c.within(tol);
            classes.add(outside ? "off" : null);
            if (outside) off++;
        }
        Html.table(out, "comparison", List.of("measurement", "metric", "PocketSim", "published", "error", "source"),
                rows, classes);
        out.append("<p class=\"note\">Error is (PocketSim - published) / published. ").append(r.comparisons().size() - off)
                .append(" of ").append(r.comparisons().size()).append(" within ±").append(Html.escape(percentPlain(tol)))
                .append(" of the published value").append(off > 0 ? "; rows outside are highlighted." : ".").append("</p>\n");
        for (Map.Entry<ChartSpec, ChartDrawing> e : drawings.entrySet()) {
            if (e.getKey().type() == ChartType.COMPARISON) figure(out, e.getKey(), e.getValue());
        }
    }

    private static void charts(StringBuilder out, Map<ChartSpec, ChartDrawing> drawings) {
        List<ChartSpec> plain = plainCharts(drawings);
        if (plain.isEmpty()) return;
        out.append("<h2 id=\"charts\">Charts</h2>\n");
        for (ChartSpec c : plain) figure(out, c, drawings.get(c));
    }

    private static void figure(StringBuilder out, ChartSpec c, ChartDrawing d) {
        String png = ChartRenderer.fileName(c);
        String svg = ChartRenderer.svgFileName(c);
        out.append("<figure id=\"").append(anchor(c)).append("\"><img src=\"").append(Html.escape(png)).append("\" alt=\"")
                .append(Html.escape(d.alt())).append("\" width=\"").append(d.width()).append("\" height=\"")
                .append(d.height()).append("\">\n<figcaption>");
        List<String> parts = new ArrayList<>();
        if (!c.filter().isEmpty()) {
            parts.add("Points with " + c.filter().entrySet().stream().map(e -> ParameterNames.pair(e.getKey(), e.getValue()))
                    .collect(Collectors.joining(", ")) + ".");
        }
        parts.addAll(d.notes());
        if (!parts.isEmpty()) out.append(Html.escape(String.join(" ", parts))).append(" ");
        out.append("<span class=\"files\"><a href=\"").append(Html.escape(png)).append("\">PNG</a> · <a href=\"")
                .append(Html.escape(svg)).append("\">SVG</a></span></figcaption></figure>\n");
    }

    private static void extraTable(StringBuilder out, ResultTable t, int i) {
        out.append("<h2 id=\"table-").append(i).append("\">").append(Html.escape(t.title())).append("</h2>\n");
        Html.table(out, "table-" + i + "-data", t.columns(), t.rows());
    }

    /** Signed percentage with one decimal, e.g. "+4.6%". */
    static String percent(double fraction) {
        return String.format(Locale.ROOT, "%+.1f%%", fraction * 100);
    }

    private static String percentPlain(double fraction) {
        return NumberText.display(fraction * 100) + "%";
    }
}

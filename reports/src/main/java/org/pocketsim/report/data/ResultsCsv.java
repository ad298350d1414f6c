package org.pocketsim.report.data;

import org.pocketsim.engine.result.ExperimentResult;
import org.pocketsim.engine.result.FailedPoint;
import org.pocketsim.engine.result.PointResult;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code results.csv}: one row per point in index order. Columns: {@code index}, {@code pointId},
 * the swept parameters, then the metrics, each group in first-seen order over the points, so the
 * column order is stable for a given experiment. A metric a point lacks is an empty cell.
 * Per-layer series are in {@code results.json} only. RFC 4180 quoting, '\n' line ends.
 *
 * <p>When some points failed, their rows are there too, in index order, with empty metric cells,
 * and two last columns say how each point ended: {@code status} ({@code ok} or {@code failed})
 * and {@code error} (a failed point's one-line message, else empty). A run whose points all
 * finished has neither column, so its file is what it was before failures were recorded.
 */
public final class ResultsCsv {

    private ResultsCsv() {
    }

    /** Header names, in column order. */
    public static List<String> columns(ExperimentResult result) {
        List<String> cols = new ArrayList<>();
        cols.add("index");
        cols.add("pointId");
        cols.addAll(parameterNames(result));
        cols.addAll(result.metricNames());
        if (!result.failedPoints().isEmpty()) {
            cols.add(STATUS);
            cols.add(ERROR);
        }
        return cols;
    }

    /** The status column's name and its two values, and the error column's name. */
    public static final String STATUS = "status";
    public static final String OK = "ok";
    public static final String FAILED = "failed";
    public static final String ERROR = "error";

    public static String write(ExperimentResult result) {
        List<String> params = parameterNames(result);
        List<String> metrics = result.metricNames();
        boolean withStatus = !result.failedPoints().isEmpty();
        StringBuilder out = new StringBuilder();
        row(out, columns(result));
        List<String> cells = new ArrayList<>();
        List<FailedPoint> failed = result.failedPoints();
        int f = 0;
        for (PointResult p : result.points()) {
            while (f < failed.size() && failed.get(f).index() < p.index()) failedRow(out, cells, failed.get(f++), params, metrics);
            cells.clear();
            cells.add(Integer.toString(p.index()));
            cells.add(p.pointId());
            for (String name : params) cells.add(p.parameters().getOrDefault(name, ""));
            for (String name : metrics) cells.add(p.hasMetric(name) ? NumberText.exact(p.metric(name)) : "");
            if (withStatus) cells.addAll(List.of(OK, ""));
            row(out, cells);
        }
        while (f < failed.size()) failedRow(out, cells, failed.get(f++), params, metrics);
        return out.toString();
    }

    /** Parameter names over the finished and the failed points, in first-seen order (finished first). */
    private static List<String> parameterNames(ExperimentResult result) {
        java.util.Set<String> names = new java.util.LinkedHashSet<>(result.parameterNames());
        for (FailedPoint f : result.failedPoints()) names.addAll(f.parameters().keySet());
        return List.copyOf(names);
    }

    private static void failedRow(StringBuilder out, List<String> cells, FailedPoint p, List<String> params, List<String> metrics) {
        cells.clear();
        cells.add(Integer.toString(p.index()));
        cells.add(p.pointId());
        for (String name : params) cells.add(p.parameters().getOrDefault(name, ""));
        for (int i = 0; i < metrics.size(); i++) cells.add("");
        cells.add(FAILED);
        cells.add(p.error());
        row(out, cells);
    }

    private static void row(StringBuilder out, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) out.append(',');
            out.append(quote(cells.get(i)));
        }
        out.append('\n');
    }

    static String quote(String cell) {
        boolean needs = cell.indexOf(',') >= 0 || cell.indexOf('"') >= 0 || cell.indexOf('\n') >= 0
                || cell.indexOf('\r') >= 0;
        return needs ? '"' + cell.replace("\"", "\"\"") + '"' : cell;
    }
}

package org.pocketsim.report.data;

import org.pocketsim.engine.result.ExperimentResult;
import org.pocketsim.engine.result.PointResult;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code results.csv}: one row per point in index order. Columns: {@code index}, {@code pointId},
 * the swept parameters, then the metrics, each group in first-seen order over the points, so the
 * column order is stable for a given experiment. A metric a point lacks is an empty cell.
 * Per-layer series are in {@code results.json} only. RFC 4180 quoting, '\n' line ends.
 */
public final class ResultsCsv {

    private ResultsCsv() {
    }

    /** Header names, in column order. */
    public static List<String> columns(ExperimentResult result) {
        List<String> cols = new ArrayList<>();
        cols.add("index");
        cols.add("pointId");
        cols.addAll(result.parameterNames());
        cols.addAll(result.metricNames());
        return cols;
    }

    public static String write(ExperimentResult result) {
        List<String> params = result.parameterNames();
        List<String> metrics = result.metricNames();
        StringBuilder out = new StringBuilder();
        row(out, columns(result));
        List<String> cells = new ArrayList<>();
        for (PointResult p : result.points()) {
            cells.clear();
            cells.add(Integer.toString(p.index()));
            cells.add(p.pointId());
            for (String name : params) cells.add(p.parameters().getOrDefault(name, ""));
            for (String name : metrics) cells.add(p.hasMetric(name) ? NumberText.exact(p.metric(name)) : "");
            row(out, cells);
        }
        return out.toString();
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

package org.pocketsim.report.html;

import org.pocketsim.engine.result.ExperimentResult;
import org.pocketsim.engine.result.FailedPoint;

import java.util.ArrayList;
import java.util.List;

/**
 * The report's first section when some points threw: one row per failed point (index, its
 * parameters, its one-line message), how to retry them, and the charts left out because they
 * needed a failed point. Absent when every point finished.
 */
final class FailedPoints {

    static final String ID = "failed";

    private FailedPoints() {
    }

    static void section(StringBuilder out, ExperimentResult r, List<String> leftOut) {
        if (r.failedPoints().isEmpty()) return;
        int failed = r.failedPoints().size();
        int total = failed + r.points().size();
        out.append("<h2 id=\"" + ID + "\">Failed points</h2>\n");
        out.append("<p class=\"note\">").append(failed).append(" of ").append(total)
                .append(" points failed; this report shows the ").append(r.points().size())
                .append(" that finished. Running the same command again (same --out) runs only the failed points.</p>\n");
        List<List<String>> rows = new ArrayList<>();
        List<String> classes = new ArrayList<>();
        for (FailedPoint f : r.failedPoints()) {
            rows.add(List.of(Integer.toString(f.index()), f.label(), f.error()));
            classes.add("off");
        }
        Html.table(out, "failed-table", List.of("#", "point", "error"), rows, classes);
        for (String chart : leftOut) out.append("<p class=\"note\">Not drawn: ").append(Html.escape(chart)).append("</p>\n");
    }
}

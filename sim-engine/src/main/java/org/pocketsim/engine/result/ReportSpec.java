package org.pocketsim.engine.result;

import org.pocketsim.hw.config.ConfigOptional;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The experiment YAML's {@code report:} section: which charts to draw, which metrics and points
 * the summary table shows, which further tables of points follow it, and how far a prediction
 * may stray from a published value before the comparison table highlights it.
 *
 * @param charts              charts in page order; titles must be unique (they name the PNG files)
 * @param summary             metrics of the summary table, in order; empty means
 *                            {@link Metrics#DEFAULT_SUMMARY} (those the points carry)
 * @param comparisonTolerance relative error (fraction) above which a comparison is highlighted;
 *                            null means {@link #DEFAULT_TOLERANCE}
 * @param summaryFilter       only points whose parameters equal all these values are in the summary
 *                            (all points stay under "All results"); empty: every point. Left out of
 *                            results.json when empty, which stays as it was for reports without it
 * @param tables              further tables of points below the summary, in page order; left out of
 *                            results.json when empty
 */
@JsonPropertyOrder({"charts", "summary", "comparisonTolerance", "summaryFilter", "tables"})
public record ReportSpec(@ConfigOptional List<ChartSpec> charts, @ConfigOptional List<String> summary,
                         @ConfigOptional Double comparisonTolerance,
                         @ConfigOptional @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, String> summaryFilter,
                         @ConfigOptional @JsonInclude(JsonInclude.Include.NON_EMPTY) List<PointTableSpec> tables) {

    /** 20%: the accuracy target of the decode-baselines study (issue 6). */
    public static final double DEFAULT_TOLERANCE = 0.20;

    public ReportSpec {
        charts = Checks.list(charts, "report", "charts");
        summary = Checks.list(summary, "report", "summary");
        summaryFilter = Checks.orderedMap(summaryFilter, "report", "summaryFilter");
        tables = Checks.list(tables, "report", "tables");
        if (comparisonTolerance == null) comparisonTolerance = DEFAULT_TOLERANCE;
        if (!(comparisonTolerance > 0) || !Double.isFinite(comparisonTolerance)) {
            throw new IllegalArgumentException("report.comparisonTolerance must be a positive fraction, got "
                    + comparisonTolerance);
        }
        Set<String> slugs = new HashSet<>();
        for (ChartSpec c : charts) {
            if (!slugs.add(slug(c.title()))) {
                throw new IllegalArgumentException("report.charts: chart '" + c.title()
                        + "' gives the same file name as an earlier chart (chart-" + slug(c.title()) + ".png)");
            }
        }
    }

    /** Charts, summary metrics and tolerance; every point in the summary, no further tables. */
    public ReportSpec(List<ChartSpec> charts, List<String> summary, Double comparisonTolerance) {
        this(charts, summary, comparisonTolerance, null, null);
    }

    /** No charts, default summary and tolerance. */
    public static ReportSpec empty() {
        return new ReportSpec(List.of(), List.of(), null);
    }

    /** File-name-safe form of a title: lower case letters, digits and single dashes. */
    public static String slug(String title) {
        String s = title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        return s.isEmpty() ? "chart" : s;
    }
}

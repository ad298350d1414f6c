package org.pocketsim.report.html;

import org.junit.jupiter.api.Test;
import org.pocketsim.engine.result.ExperimentResult;
import org.pocketsim.engine.result.PointTableSpec;
import org.pocketsim.engine.result.ReportSpec;
import org.pocketsim.report.SampleResults;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code report.summaryFilter} and {@code report.tables} on the sample's four points (methods dense, dip, dip, dip-ca). */
class PointTablesTest {

    private static String page(Map<String, String> summaryFilter, List<PointTableSpec> tables) {
        ExperimentResult b = SampleResults.experiment(List.of());
        ExperimentResult r = new ExperimentResult(b.experimentId(), b.title(), b.question(), b.configText(), b.configHash(),
                b.seed(), b.version(), b.points(), b.traces(), b.comparisons(), b.tables(),
                new ReportSpec(List.of(), List.of("tokensPerSecond"), null, summaryFilter, tables));
        return ReportPage.render(r, Optional.empty());
    }

    private static String section(String html, String fromId) {
        int start = html.indexOf("id=\"" + fromId + "\"");
        return html.substring(start, html.indexOf("<h2", start + 1));
    }

    @Test
    void aSummaryFilterKeepsItsPointsLeavesOutTheColumnItFixesAndSaysSo() {
        String summary = section(page(Map.of("method", "dip"), List.of()), "summary");
        assertThat(summary).contains("Points with method = dip (2 of 4). Every point is under <a href=\"#results\">All results</a>.");
        assertThat(summary).contains("<td class=\"num\" data-v=\"1.0\">1</td><td>0.5</td>", "<td class=\"num\" data-v=\"2.0\">2</td><td>0.25</td>");
        assertThat(summary).doesNotContain("data-v=\"0.0\">0</td>", "data-v=\"3.0\">3</td>", ">method</th>", "<td>dip</td>");
        assertThat(summary).contains(">density</th>");
    }

    @Test
    void withoutASummaryFilterTheSummaryHasEveryPointAndNoSelectionNote() {
        String summary = section(page(Map.of(), List.of()), "summary");
        assertThat(summary).contains("data-v=\"0.0\">0</td><td>dense</td>", "data-v=\"3.0\">3</td><td>dip-ca,g=0.5</td>");
        assertThat(summary).doesNotContain("Points with");
    }

    @Test
    void eachTableHasItsHeadingContentsEntryNoteAndOnlyItsPointsAndMetrics() {
        String html = page(Map.of(), List.of(
                new PointTableSpec("Densest <DIP> runs", Map.of("density", "0.25"), List.of("msPerToken", "hitRate"), "Read me & weep."),
                new PointTableSpec("All speeds", null, List.of("tokensPerSecond"), null)));
        assertThat(html).contains("<li><a href=\"#points-table-0\">Densest &lt;DIP&gt; runs</a></li>",
                "<li><a href=\"#points-table-1\">All speeds</a></li>");
        assertThat(html.indexOf("id=\"points-table-0\"")).isBetween(html.indexOf("id=\"summary\""), html.indexOf("id=\"results\""));
        String first = section(html, "points-table-0");
        assertThat(first).startsWith("id=\"points-table-0\">Densest &lt;DIP&gt; runs</h2>\n"
                + "<p class=\"note\">Points with density 0.25 (2 of 4). Read me &amp; weep.</p>");
        assertThat(first).contains("<table class=\"sortable\" id=\"points-table-0-data\">",
                "data-v=\"2.0\">2</td><td>dip</td><td class=\"num\" data-v=\"125.0\">125</td><td class=\"num\" data-v=\"0.875\">87.5</td>",
                "data-v=\"3.0\">3</td><td>dip-ca,g=0.5</td><td class=\"num\" data-v=\"100.0\">100</td>");
        assertThat(first).doesNotContain("data-v=\"1.0\">1</td>", ">density</th>", "Decode speed");
        String second = section(html, "points-table-1");
        assertThat(second).doesNotContain("class=\"note\"");
        assertThat(second).contains(">method</th>", ">density</th>", "data-v=\"0.0\">0</td><td>dense</td><td>1.0</td>");
    }
}

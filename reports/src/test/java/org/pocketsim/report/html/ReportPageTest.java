package org.pocketsim.report.html;

import org.junit.jupiter.api.Test;
import org.pocketsim.report.SampleResults;

import static org.assertj.core.api.Assertions.assertThat;

class ReportPageTest {

    private final String html = ReportPage.render(SampleResults.experiment());

    @Test
    void escapesTitleConfigTableCaptionsAndCells() {
        assertThat(html).contains("<h1>DIP &amp; cache-aware masking &lt;Phi-3&gt;</h1>");
        assertThat(html).contains("name: &quot;&lt;dip-sample&gt;&quot;");
        assertThat(html).contains("Calibration of &quot;phone&quot;");
        assertThat(html).contains("<td>OnePlus 12 &lt;CPU&gt;</td>");
        assertThat(html).contains("llama.cpp &amp; co");
        assertThat(html).contains("<td>cache-aware &lt;b&gt;&amp;amp; gamma 0.5&lt;/b&gt;</td>");
        assertThat(html).doesNotContain("<Phi-3>", "<CPU>", "<dip-sample>", "<b>");
    }

    @Test
    void hasEveryTableWithItsId() {
        assertThat(html).contains("<table id=\"summary\">", "<table id=\"comparison\">", "<table id=\"table-0\">",
                "<table id=\"results\">", "<table id=\"notes\">", "<table id=\"traces\">", "<pre id=\"config-text\">");
    }

    @Test
    void comparisonOutsideToleranceIsHighlightedWithSignedPercentError() {
        // 12.5 vs 13.72: -8.9%, inside 20%; 8 vs 11.55: -30.7%, outside.
        assertThat(html).contains("<tr><td>Galaxy S24, Llama-3-8B w4a16</td><td>tokensPerSecond</td>"
                + "<td class=\"num\">12.5</td><td class=\"num\">13.72</td><td>tok/s</td><td class=\"num\">-8.9%</td>");
        assertThat(html).contains("<tr class=\"off\"><td>OnePlus 12 &lt;CPU&gt;</td>");
        assertThat(html).contains("<td class=\"num\">-30.7%</td>");
        assertThat(html).contains("1 of 2 within ±20% of the published value; rows outside are highlighted.");
    }

    @Test
    void summaryShowsDefaultMetricsThePointsCarryWithDisplayFormatting() {
        assertThat(html).contains("<th>#</th><th>method</th><th>density</th><th>tokensPerSecond</th><th>msPerToken</th>"
                + "<th>dramFootprintBytes</th><th>hitRate</th></tr>");
        assertThat(html).contains("<td class=\"num\">3</td><td>dip-ca,g=0.5</td><td class=\"num\">0.25</td>"
                + "<td class=\"num\">10</td><td class=\"num\">100</td><td class=\"num\">2.5e9</td>"
                + "<td class=\"num\">0.9375</td>");
    }

    @Test
    void showsHashSeedVersionAndTraceProvenance() {
        assertThat(html).contains("<dt>config hash</dt><dd>9f2c0a</dd>", "<dt>seed</dt><dd>42</dd>",
                "<dt>PocketSim version</dt><dd>0.1.0-test</dd>");
        assertThat(html).contains("<td>synthetic:gaussian</td><td>phi-3-medium</td><td>synthetic</td>"
                + "<td class=\"num\">16</td><td>generator: gaussian</td>");
    }

    @Test
    void imagesAreRelativeWithFixedSizeAndNoExternalAssets() {
        assertThat(html).contains("<img src=\"chart-time-per-token.png\" alt=\"Time per token\" width=\"960\" height=\"600\">");
        assertThat(html).doesNotContain("http://", "https://", "<script", "<link");
    }

    @Test
    void escapeHandlesAllFiveSpecialCharacters() {
        assertThat(Html.escape("<a href=\"x\">'&'</a>"))
                .isEqualTo("&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
    }
}

package org.pocketsim.report.html;

import org.junit.jupiter.api.Test;
import org.pocketsim.report.SampleResults;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class ReportPageTest {

    private final String html = ReportPage.render(SampleResults.experiment(), Optional.of("0123456789abcdef0123456789abcdef01234567"));

    @Test
    void escapesTitleConfigTableCaptionsAndCells() {
        assertThat(html).contains("<h1>DIP &amp; cache-aware masking &lt;Phi-3&gt;</h1>");
        assertThat(html).contains("name: &quot;&lt;dip-sample&gt;&quot;");
        assertThat(html).contains("Calibration of &quot;phone&quot;");
        assertThat(html).contains("<td>OnePlus 12 &lt;CPU&gt;</td>");
        assertThat(html).contains("llama.cpp &amp; co");
        assertThat(html).contains("<dd>cache-aware &lt;b&gt;&amp;amp; gamma 0.5&lt;/b&gt;</dd>");
        assertThat(html).doesNotContain("<Phi-3>", "<CPU>", "<dip-sample>", "<b>");
    }

    @Test
    void hasEveryTableWithItsIdAndATableOfContents() {
        assertThat(html).contains("<table class=\"sortable\" id=\"summary-table\">", "<table id=\"comparison\">",
                "<table id=\"table-0-data\">", "<table class=\"sortable\" id=\"results-table\">", "<table id=\"traces\">",
                "<pre id=\"config-text\">");
        assertThat(html).contains("<nav class=\"toc\" aria-label=\"Contents\">", "<li><a href=\"#summary\">Summary</a></li>",
                "<li><a href=\"#published\">Published vs PocketSim</a></li>",
                "<li><a href=\"#chart-speed-vs-dram-footprint\">Speed vs DRAM footprint</a></li>",
                "<li><a href=\"#provenance\">Provenance</a></li>");
    }

    @Test
    void comparisonOutsideToleranceIsHighlightedWithUnitsAndSignedPercentError() {
        // 12.5 vs 13.72: -8.9%, inside 20%; 8 vs 11.55: -30.7%, outside.
        assertThat(html).contains("<tr><td>Galaxy S24, Llama-3-8B w4a16</td><td>Decode speed</td>"
                + "<td class=\"num\">12.5 tok/s</td><td class=\"num\">13.72 tok/s</td><td class=\"num\">-8.9%</td><td>PowerServe, Table 3</td></tr>");
        assertThat(html).contains("<tr class=\"off\"><td>OnePlus 12 &lt;CPU&gt;</td>");
        assertThat(html).contains("<td class=\"num\">-30.7%</td>");
        assertThat(html).contains("1 of 2 within ±20% of the published value; rows outside are highlighted.");
        assertThat(html).contains("<img src=\"chart-pocketsim-vs-published.png\"");
    }

    @Test
    void summaryHeadersCarryUnitsAndCellsShowValuesInThem() {
        assertThat(html).contains("<th scope=\"col\" title=\"Point index in the sweep\">#</th>"
                + "<th scope=\"col\" title=\"Swept parameter method\">method</th>"
                + "<th scope=\"col\" title=\"Swept parameter density\">density</th>"
                + "<th scope=\"col\" title=\"Metric tokensPerSecond, stored in tok/s; higher is better\">Decode speed (tok/s)</th>"
                + "<th scope=\"col\" title=\"Metric msPerToken, stored in ms; lower is better\">Time per token (ms)</th>"
                + "<th scope=\"col\" title=\"Metric dramFootprintBytes, stored in B; lower is better\">DRAM footprint (GB)</th>"
                + "<th scope=\"col\" title=\"Metric hitRate, stored in fraction; higher is better\">Cache hit rate (%)</th></tr>");
        assertThat(html).contains("<td class=\"num\" data-v=\"3.0\">3</td><td>dip-ca,g=0.5</td>"
                + "<td>0.25</td><td class=\"num\" data-v=\"10.0\">10</td><td class=\"num\" data-v=\"100.0\">100</td>"
                + "<td class=\"num\" data-v=\"2.5E9\">2.5</td><td class=\"num\" data-v=\"0.9375\">93.8</td>");
        assertThat(html).contains("<input type=\"search\" data-filter=\"summary-table\"");
    }

    @Test
    void showsHashSeedVersionCommitAndTraceProvenance() {
        assertThat(html).contains("<dt>config hash</dt><dd>9f2c0a</dd>", "<dt>seed</dt><dd>42</dd>",
                "<dt>PocketSim version</dt><dd>0.1.0-test</dd>",
                "<dt>git commit</dt><dd>0123456789abcdef0123456789abcdef01234567</dd>");
        assertThat(html).contains("<td>synthetic:gaussian</td><td>phi-3-medium</td><td>synthetic</td>"
                + "<td class=\"num\">16</td><td>generator: gaussian</td>");
    }

    @Test
    void withoutACheckoutTheCommitIsSaidToBeUnknown() {
        String page = ReportPage.render(SampleResults.experiment(), Optional.empty());
        assertThat(page).contains("<dt>git commit</dt><dd>not known (PocketSim did not run from a git checkout)</dd>");
    }

    @Test
    void resolvedNumbersOfEachPointAreCollapsibleBlocks() {
        var base = SampleResults.experiment();
        var node = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode();
        node.putObject("soc").put("dramBandwidth", "60 GB/s");
        var withResolved = new org.pocketsim.engine.result.ExperimentResult(base.experimentId(), base.title(),
                base.question(), base.configText(), base.configHash(), base.seed(), base.version(), base.points(),
                base.traces(), base.comparisons(), base.tables(), base.report(), java.util.Map.of("p1", node));
        String page = ReportPage.render(withResolved, Optional.empty());
        assertThat(page).contains("<details><summary>#1 method = dip, density 0.5</summary><pre>{\n  &quot;soc&quot; : {\n"
                + "    &quot;dramBandwidth&quot; : &quot;60 GB/s&quot;\n  }\n}</pre></details>");
    }

    @Test
    void figuresLinkPngAndSvgWithAltTextNamingTheAxes() {
        assertThat(html).contains("<figure id=\"chart-speed-vs-dram-footprint\"><img src=\"chart-speed-vs-dram-footprint.png\""
                + " alt=\"Pareto chart of Decode speed (tok/s) against DRAM footprint (GB)\" width=\"960\" height=\"600\">");
        assertThat(html).contains("<a href=\"chart-speed-vs-dram-footprint.svg\">SVG</a>");
        assertThat(html).doesNotContain("http://", "https://", "<script src", "<link");
    }

    @Test
    void escapeHandlesAllFiveSpecialCharacters() {
        assertThat(Html.escape("<a href=\"x\">'&'</a>"))
                .isEqualTo("&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
    }
}

package org.pocketsim.report.chart;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import org.pocketsim.engine.result.ChartSpec;
import org.pocketsim.engine.result.ChartType;
import org.pocketsim.engine.result.ExperimentResult;
import org.pocketsim.engine.result.PointResult;
import org.pocketsim.report.SampleResults;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class ChartRendererTest {

    @TempDir
    Path dir;

    private static ChartSpec sampleChart(ChartType type) {
        return SampleResults.charts().stream().filter(c -> c.type() == type).findFirst().orElseThrow();
    }

    @ParameterizedTest
    @EnumSource(ChartType.class)
    void everyChartTypeRendersANonBlankPngAndAnSvgOfTheDrawnSize(ChartType type) throws Exception {
        // The power timeline draws whole-run windows, which the general sample's points do not have.
        boolean timeline = type == ChartType.POWER_TIMELINE;
        ChartSpec spec = timeline ? PowerTimelineChartTest.SPEC : sampleChart(type);
        ChartDrawing drawing = ChartRenderer.render(spec, timeline ? PowerTimelineChartTest.sample() : SampleResults.experiment(), dir);
        Path png = dir.resolve(ChartRenderer.fileName(spec));

        BufferedImage img = ImageIO.read(png.toFile());
        assertThat(img.getWidth()).isEqualTo(960);
        assertThat(img.getHeight()).isEqualTo(drawing.height());
        String svg = Files.readString(dir.resolve(ChartRenderer.svgFileName(spec)));
        assertThat(svg).contains("<svg").contains("width='960.0'").contains(spec.title().replace("&", "&amp;"));
        Set<Integer> colours = new HashSet<>();
        int nonWhite = 0;
        for (int yy = 0; yy < img.getHeight(); yy += 2) {
            for (int xx = 0; xx < img.getWidth(); xx += 2) {
                int rgb = img.getRGB(xx, yy) & 0xFFFFFF;
                colours.add(rgb);
                if (rgb != 0xFFFFFF) nonWhite++;
            }
        }
        // Text, axes and data in palette colours: far more than a blank or single-colour image.
        assertThat(colours.size()).isGreaterThan(20);
        assertThat(nonWhite).isGreaterThan(2_000);
    }

    @Test
    void sameResultsGiveTheSameBytes() throws Exception {
        ChartSpec spec = sampleChart(ChartType.PARETO);
        Path a = Files.createDirectory(dir.resolve("a"));
        Path b = Files.createDirectory(dir.resolve("b"));
        ChartRenderer.render(spec, SampleResults.experiment(), a);
        ChartRenderer.render(spec, SampleResults.experiment(), b);
        for (String f : List.of(ChartRenderer.fileName(spec), ChartRenderer.svgFileName(spec))) {
            assertThat(Files.readAllBytes(a.resolve(f))).isEqualTo(Files.readAllBytes(b.resolve(f)));
        }
    }

    @Test
    void axisTitlesComeFromTheCatalogueWithDisplayUnits() {
        ChartDrawing d = ChartRenderer.build(sampleChart(ChartType.PARETO), SampleResults.experiment());
        assertThat(d.chart().getXYPlot().getDomainAxis().getLabel()).isEqualTo("DRAM footprint (GB)");
        assertThat(d.chart().getXYPlot().getRangeAxis().getLabel()).isEqualTo("Decode speed (tok/s)");
        assertThat(d.alt()).isEqualTo("Pareto chart of Decode speed (tok/s) against DRAM footprint (GB)");
    }

    @Test
    void aSweptSizeIsANumericAxisInItsNaturalUnit() {
        ChartSpec spec = ChartSpec.of(ChartType.SCATTER, "Budget", "run.placement.dramBudget", List.of("tokensPerSecond"), null);
        ExperimentResult r = SampleResults.withParameter("placement.dramBudget", "2 GB", "3 GB", "1500 MB", "4 GB");
        ChartDrawing d = ChartRenderer.build(spec, r);
        var plot = d.chart().getXYPlot();
        assertThat(plot.getDomainAxis().getLabel()).isEqualTo("DRAM budget (GB)");
        assertThat(plot.getDataset().getXValue(0, 0)).isEqualTo(1.5);
        assertThat(plot.getDataset().getXValue(0, 3)).isEqualTo(4.0);
    }

    @Test
    void aLineChartSplitsByAnAxisItDoesNotAccountForAndSaysSo() {
        ChartSpec spec = ChartSpec.of(ChartType.LINE, "L", "density", List.of("tokensPerSecond"), null);
        ChartDrawing d = ChartRenderer.build(spec, SampleResults.experiment(List.of(spec)));
        assertThat(d.chart().getXYPlot().getDataset().getSeriesCount()).isEqualTo(3);
        assertThat(d.notes()).contains("Also split by method: the points differ in it and the chart's x, seriesBy and"
                + " filter do not account for it.");
    }

    @Test
    void coincidingSeriesAreNamedInTheNotesAndDashed() {
        ChartSpec spec = ChartSpec.of(ChartType.LINE, "C", "density", List.of("tokensPerSecond"), "cache");
        ExperimentResult r = SampleResults.twoCachePolicies();
        ChartDrawing d = ChartRenderer.build(spec, r);
        assertThat(d.notes()).containsExactly(
                "'cache = lfu' coincides with 'cache = lru': drawn on top of it, dashed, with its own marker.");
    }

    @Test
    void scatterPointsAreLabelledWithWhatDistinguishesThem() {
        ChartSpec spec = ChartSpec.of(ChartType.SCATTER, "S", "dramFootprintBytes", List.of("tokensPerSecond"), null);
        ChartDrawing d = ChartRenderer.build(spec, SampleResults.experiment(List.of(spec)));
        var r = d.chart().getXYPlot().getRenderer();
        var data = d.chart().getXYPlot().getDataset();
        assertThat(r.getDefaultItemLabelGenerator().generateLabel(data, 0, 0)).isEqualTo("method = dip, density 0.25");
    }

    @Test
    void stackedBarsWithLongLabelsLieDownOnACanvasSizedToTheirRows() {
        ChartSpec spec = ChartSpec.of(ChartType.STACKED_BAR, "B", null, List.of(), null);
        ChartDrawing d = ChartRenderer.build(spec, SampleResults.experiment(List.of(spec)));
        assertThat(d.chart().getCategoryPlot().getOrientation()).isEqualTo(org.jfree.chart.plot.PlotOrientation.HORIZONTAL);
        assertThat(d.height()).isEqualTo(StackedBarChart.FRAME_PX + StackedBarChart.ROW_PX * 4);
        assertThat(d.chart().getCategoryPlot().getRangeAxis().getLabel()).isEqualTo("Time per token (ms)");
    }

    @Test
    void heatmapCanvasGrowsWithItsRows() {
        ChartSpec spec = ChartSpec.of(ChartType.HEATMAP, "H", null, List.of("hitRateByLayer"), null);
        ChartDrawing d = ChartRenderer.build(spec, SampleResults.experiment(List.of(spec)));
        assertThat(d.height()).isEqualTo(Math.max(300, HeatmapChart.FRAME_PX + HeatmapChart.ROW_PX * 4));
    }

    @Test
    void fileNameIsTheSlugOfTheTitle() {
        assertThat(ChartRenderer.fileName(sampleChart(ChartType.LINE))).isEqualTo("chart-tokens-per-second-vs-density.png");
    }

    @Test
    void filterSelectsOnlyMatchingPoints() {
        ChartSpec spec = new ChartSpec(ChartType.LINE, "T", "density", List.of("tokensPerSecond"), null,
                Map.of("method", "dip"), null, null, null, null, null, null, null);
        assertThat(ChartRenderer.select(spec, SampleResults.experiment())).extracting(p -> p.pointId())
                .containsExactly("p1", "p2");
    }

    @Test
    void filterMatchingNothingIsAnErrorNamingTheChart() {
        ChartSpec spec = new ChartSpec(ChartType.LINE, "T", "density", List.of("tokensPerSecond"), null,
                Map.of("method", "lfu"), null, null, null, null, null, null, null);
        assertThatThrownBy(() -> ChartRenderer.select(spec, SampleResults.experiment()))
                .hasMessage("chart 'T': no point matches filter {method=lfu}");
    }

    @Test
    void pointsWithoutTheYMetricAreLeftOutAndTheCaptionSaysSo() {
        ChartSpec scatter = ChartSpec.of(ChartType.SCATTER, "Hit", "dramFootprintBytes", List.of("hitRate"), null);
        ChartSpec heatmap = ChartSpec.of(ChartType.HEATMAP, "Layers", "method", List.of("hitRateByLayer"), null);
        ExperimentResult base = SampleResults.experiment(List.of(scatter, heatmap));
        List<PointResult> points = new java.util.ArrayList<>();
        for (PointResult p : base.points()) {
            if (p.index() != 0) {
                points.add(p);
                continue;
            }
            Map<String, Double> m = new java.util.LinkedHashMap<>(p.metrics());
            m.remove("hitRate");
            points.add(new PointResult(0, p.pointId(), Map.of("run", "dense"), m, Map.of(), p.notes()));
        }
        ExperimentResult r = new ExperimentResult(base.experimentId(), base.title(), base.question(), base.configText(),
                base.configHash(), base.seed(), base.version(), points, base.traces(), base.comparisons(),
                base.tables(), base.report());
        ChartDrawing s = ChartRenderer.build(scatter, r);
        assertThat(s.chart().getXYPlot().getDataset().getItemCount(0)).isEqualTo(3);
        assertThat(s.notes()).contains("Left out 1 of 4 points that carry no Cache hit rate.");
        assertThat(ChartRenderer.build(heatmap, r).notes()).contains("1 point without hitRateByLayer is not drawn (dense).");
    }

    @Test
    void unknownMetricIsAnErrorListingWhatThePointHas() {
        ChartSpec spec = ChartSpec.of(ChartType.SCATTER, "S", "density", List.of("energyPerTokenMj"), null);
        ExperimentResult r = SampleResults.experiment(List.of(spec));
        assertThatThrownBy(() -> ChartRenderer.build(spec, r))
                .hasMessageStartingWith("chart 'S': point 0 has no metric or parameter 'energyPerTokenMj'");
    }

    @Test
    void nonNumericParameterOnXIsAnError() {
        ChartSpec spec = ChartSpec.of(ChartType.LINE, "L", "method", List.of("tokensPerSecond"), null);
        assertThatThrownBy(() -> ChartRenderer.build(spec, SampleResults.experiment(List.of(spec))))
                .hasMessage("chart 'L': parameter 'method' takes values such as 'dense', which are not numbers, sizes,"
                        + " bandwidths or frequencies");
    }

    @Test
    void stackedBarLeavesOutAMetricNoPointHas() {
        ChartSpec spec = ChartSpec.of(ChartType.STACKED_BAR, "B", null, List.of("msFlashIo", "msNowhere"), null);
        var chart = ChartRenderer.build(spec, SampleResults.experiment(List.of(spec))).chart();
        var data = chart.getCategoryPlot().getDataset();
        List<Object> rows = keys(data.getRowKeys());
        List<Object> columns = keys(data.getColumnKeys());
        assertThat(rows).containsExactly("Flash I/O");
        assertThat(columns).containsExactly("method = dense, density 1.0", "method = dip, density 0.5",
                "method = dip, density 0.25", "method = dip-ca,g=0.5, density 0.25");
        assertThat(data.getValue("Flash I/O", "method = dip, density 0.25")).isEqualTo(60.0);
    }

    @Test
    void stackedBarLeavesOutAMetricThatIsZeroInEveryBarAndSaysSo() {
        ChartSpec spec = ChartSpec.of(ChartType.STACKED_BAR, "B", null, List.of(), null);
        ChartDrawing d = ChartRenderer.build(spec, SampleResults.experiment(List.of(spec)));
        assertThat(keys(d.chart().getCategoryPlot().getDataset().getRowKeys()))
                .containsExactly("Flash I/O", "DRAM I/O", "Compute");
        assertThat(d.notes()).containsExactly("Stall is 0 in every bar and left out.");
    }

    @Test
    void paretoFrontierSeriesHoldsTheNonDominatedPoints() {
        var chart = ChartRenderer.build(sampleChart(ChartType.PARETO), SampleResults.experiment()).chart();
        var frontier = chart.getXYPlot().getDataset(1);
        // lower DRAM, higher tok/s: (2 GB, 8) then (2.5 GB, 10)
        assertThat(frontier.getItemCount(0)).isEqualTo(2);
        assertThat(frontier.getXValue(0, 0)).isEqualTo(2.0);
        assertThat(frontier.getYValue(0, 1)).isEqualTo(10.0);
    }

    @Test
    void comparisonChartShowsSignedPercentErrorPerMeasurement() {
        var chart = ChartRenderer.build(sampleChart(ChartType.COMPARISON), SampleResults.experiment()).chart();
        var data = chart.getCategoryPlot().getDataset();
        List<Object> columns = keys(data.getColumnKeys());
        assertThat(columns).containsExactly("Galaxy S24, Llama-3-8B w4a16", "OnePlus 12 <CPU>");
        // (12.5 - 13.72) / 13.72 and (8 - 11.55) / 11.55, in percent
        assertThat(data.getValue(0, 0).doubleValue()).isCloseTo(-8.892128279883382, within(1e-12));
        assertThat(data.getValue(0, 1).doubleValue()).isCloseTo(-30.735930735930737, within(1e-12));
    }

    @Test
    void comparisonAxisLeavesRoomForTheLongestBarsLabelAndKeepsAnEmptySideNarrow() {
        // bars from -20% to +300% on a 440 px plot: 70 px of label on each side of 300 usable px
        double[] range = ComparisonChart.valueRange(-20, 300, 440);
        assertThat(range[0]).isCloseTo(-20 - 320 * 70 / 300.0, within(1e-9));
        assertThat(range[1]).isCloseTo(300 + 320 * 70 / 300.0, within(1e-9));
        // the label of the 300% bar (70 px at 440 px for the whole range) ends inside the plot
        double unitsPerPx = (range[1] - range[0]) / 440;
        assertThat(300 + 70 * unitsPerPx).isLessThanOrEqualTo(range[1] + 1e-9);
    }

    @Test
    void comparisonChartWithoutComparisonsIsAnError() {
        ChartSpec spec = ChartSpec.of(ChartType.COMPARISON, "C", null, null, null);
        ExperimentResult base = SampleResults.experiment(List.of(spec));
        ExperimentResult none = new ExperimentResult(base.experimentId(), base.title(), base.question(),
                base.configText(), base.configHash(), base.seed(), base.version(), base.points(), null, null, null,
                base.report());
        assertThatThrownBy(() -> ChartRenderer.build(spec, none)).hasMessage("chart 'C': the experiment has no comparisons");
    }

    @Test
    void repeatedComparisonLabelsAreToldApartByMetric() {
        var a = new org.pocketsim.engine.result.Comparison("S24", "tokensPerSecond", 1, 2, "", "s");
        var b = new org.pocketsim.engine.result.Comparison("S24", "ttftMs", 1, 2, "", "s");
        assertThat(ComparisonChart.labels(List.of(a, b))).containsExactly("S24 (Decode speed)", "S24 (Time to first token)");
    }

    @Test
    void logAxisRejectsNonPositiveValues() {
        ChartSpec spec = new ChartSpec(ChartType.SCATTER, "L", "density", List.of("msStall"), null, Map.of(),
                null, null, false, true, null, null, null);
        assertThatThrownBy(() -> ChartRenderer.build(spec, SampleResults.experiment(List.of(spec))))
                .hasMessage("chart 'L': 'msStall' of point 2 is 0.0, which a logarithmic axis cannot show");
    }

    @Test
    void heatmapRejectsPointsWithDifferentLayerCounts() {
        ChartSpec spec = ChartSpec.of(ChartType.HEATMAP, "H", null, List.of("hitRateByLayer"), null);
        ExperimentResult base = SampleResults.experiment(List.of(spec));
        var points = new java.util.ArrayList<>(base.points());
        var p = points.get(1);
        points.set(1, new org.pocketsim.engine.result.PointResult(p.index(), p.pointId(), p.parameters(), p.metrics(),
                Map.of("hitRateByLayer", List.of(1.0)), p.notes()));
        ExperimentResult bad = new ExperimentResult(base.experimentId(), base.title(), base.question(), base.configText(),
                base.configHash(), base.seed(), base.version(), points, null, null, null, base.report());
        assertThatThrownBy(() -> ChartRenderer.build(spec, bad))
                .hasMessage("chart 'H': point 1 has 1 layers in 'hitRateByLayer', earlier points have 3");
    }

    /** JFreeChart returns raw lists of keys. */
    private static List<Object> keys(List<?> raw) {
        return new java.util.ArrayList<>(raw);
    }
}

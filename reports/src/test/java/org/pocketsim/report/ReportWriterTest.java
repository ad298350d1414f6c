package org.pocketsim.report;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pocketsim.engine.result.ChartSpec;
import org.pocketsim.engine.result.ChartType;
import org.pocketsim.engine.result.ExperimentResult;
import org.pocketsim.engine.result.ResultJson;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReportWriterTest {

    private static final Pattern LINK = Pattern.compile("(?:src|href)=\"([^\"#][^\"]*)\"");

    /** The full sample report, written once: rendering six charts is the slow part of these tests. */
    @TempDir
    static Path shared;
    private static Path out;
    private static Path index;

    @TempDir
    Path tmp;

    @BeforeAll
    static void writeSampleReport() throws Exception {
        out = shared.resolve("out/dip-sample");
        index = ReportWriter.write(SampleResults.experiment(), out);
    }

    /** The sample with only its first chart, for tests about folders rather than charts. */
    private static ExperimentResult oneChart() {
        return SampleResults.experiment(SampleResults.charts().subList(0, 1));
    }

    @Test
    void writesIndexChartsCsvAndJsonAndNothingElse() throws Exception {
        assertThat(index).isEqualTo(out.toAbsolutePath().resolve("index.html"));
        try (Stream<Path> files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted()).containsExactly(
                    "chart-hit-rate-by-layer.png", "chart-hit-rate-by-layer.svg",
                    "chart-hit-rate-vs-dram.png", "chart-hit-rate-vs-dram.svg",
                    "chart-pocketsim-vs-published.png", "chart-pocketsim-vs-published.svg",
                    "chart-speed-vs-dram-footprint.png", "chart-speed-vs-dram-footprint.svg",
                    "chart-time-per-token.png", "chart-time-per-token.svg",
                    "chart-tokens-per-second-vs-density.png", "chart-tokens-per-second-vs-density.svg",
                    "index.html", "results.csv", "results.json");
        }
        assertThat(ResultJson.experimentFromJson(Files.readString(out.resolve("results.json"))))
                .isEqualTo(SampleResults.experiment());
        assertThat(leftovers(out.getParent())).containsExactly("dip-sample");
    }

    @Test
    void everyLocalLinkOfTheIndexNamesAFileInTheFolder() throws Exception {
        String html = Files.readString(out.resolve("index.html"));
        List<String> links = new ArrayList<>();
        Matcher m = LINK.matcher(html);
        while (m.find()) links.add(m.group(1));
        // Six charts, each shown (PNG) and linked as PNG and SVG; the CSV and JSON from the header and notes.
        assertThat(links.stream().filter(l -> l.endsWith(".png"))).hasSize(12);
        assertThat(links.stream().filter(l -> l.endsWith(".svg"))).hasSize(6);
        assertThat(links).contains("results.csv", "results.json");
        for (String link : links) {
            assertThat(link).doesNotContain("/", ":");
            assertThat(out.resolve(link)).isRegularFile();
        }
    }

    @Test
    void failureMidwayLeavesNoOutputFolderAndNoTemporaryFolder() {
        ChartSpec bad = ChartSpec.of(ChartType.LINE, "Energy", "density", List.of("energyPerTokenMj"), null);
        ExperimentResult r = SampleResults.experiment(List.of(SampleResults.charts().get(0), bad));
        Path broken = tmp.resolve("out/broken");

        assertThatThrownBy(() -> ReportWriter.write(r, broken)).hasMessageContaining("energyPerTokenMj");
        assertThat(broken).doesNotExist();
        assertThat(leftovers(broken.getParent())).isEmpty();
    }

    @Test
    void failureKeepsAnEarlierReportAsItWas() throws Exception {
        Path folder = tmp.resolve("kept");
        ReportWriter.write(oneChart(), folder);
        String before = Files.readString(folder.resolve("index.html"));
        ChartSpec bad = ChartSpec.of(ChartType.HEATMAP, "Missing", null, List.of("nope"), null);

        assertThatThrownBy(() -> ReportWriter.write(SampleResults.experiment(List.of(bad)), folder))
                .hasMessageContaining("has no series 'nope'");
        assertThat(Files.readString(folder.resolve("index.html"))).isEqualTo(before);
        assertThat(leftovers(tmp)).containsExactly("kept");
    }

    @Test
    void rewritingReplacesTheOldReportWholly() throws Exception {
        Path folder = tmp.resolve("again");
        ReportWriter.write(oneChart(), folder);
        ReportWriter.write(SampleResults.experiment(List.of()), folder);
        try (Stream<Path> files = Files.list(folder)) {
            // No chart in the spec; the comparisons still get their relative-error chart.
            assertThat(files.map(p -> p.getFileName().toString()).sorted()).containsExactly(
                    "chart-relative-error-against-published-measurements.png",
                    "chart-relative-error-against-published-measurements.svg",
                    "index.html", "results.csv", "results.json");
        }
        assertThat(leftovers(tmp)).containsExactly("again");
    }

    @Test
    void staleTemporaryFoldersOfAnInterruptedWriteAreRemoved() throws Exception {
        Files.createDirectories(tmp.resolve(".stale.new-123/half"));
        Files.writeString(tmp.resolve(".stale.new-123/half/index.html"), "<html>half");
        Files.createDirectories(tmp.resolve(".stale.old-456"));
        Files.createDirectories(tmp.resolve(".other.new-789"));
        ReportWriter.write(oneChart(), tmp.resolve("stale"));
        assertThat(leftovers(tmp)).containsExactly(".other.new-789", "stale");
    }

    @Test
    void theSameResultsGiveAByteIdenticalReport() throws Exception {
        Path again = tmp.resolve("again-identical");
        ReportWriter.write(SampleResults.experiment(), again);
        for (String f : leftovers(out)) {
            assertThat(Files.readAllBytes(again.resolve(f))).as(f).isEqualTo(Files.readAllBytes(out.resolve(f)));
        }
    }

    private static List<String> leftovers(Path dir) {
        if (!Files.exists(dir)) return List.of();
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}

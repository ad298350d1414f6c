package org.pocketsim.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pocketsim.engine.experiment.ExperimentLoader;
import org.pocketsim.engine.experiment.ExperimentRunner;
import org.pocketsim.engine.experiment.LoadedExperiment;
import org.pocketsim.engine.result.ExperimentResult;
import org.pocketsim.engine.result.FailedPoint;
import org.pocketsim.engine.result.ResultJson;
import org.pocketsim.engine.sweep.LocalPointExecutor;
import org.pocketsim.engine.sweep.PointExecutor;
import org.pocketsim.engine.sweep.PointSink;
import org.pocketsim.engine.sweep.PointWork;
import org.pocketsim.engine.sweep.Progress;
import org.pocketsim.engine.sweep.SweepPoint;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On the thread pool, points that throw end up in results.csv (status and error columns),
 * results.json ({@code failedPoints}) and at the top of the report, written like any report;
 * they are not stored, so a re-run runs only them and then writes what a run without failures
 * writes, byte for byte.
 */
class FailedPointsReportTest {

    /** The thread pool, with the points at prompt 16 throwing; counts the points it runs. */
    private static final class Cursed implements PointExecutor {
        final AtomicInteger ran = new AtomicInteger();
        final boolean curse;

        Cursed(boolean curse) {
            this.curse = curse;
        }

        @Override
        public <R> void run(List<SweepPoint> points, PointWork<R> work, PointSink<R> sink) {
            new LocalPointExecutor(2).run(points, new PointWork<>(work.type(), p -> {
                ran.incrementAndGet();
                if (curse && p.parameters().get("run.prompt").equals("16")) {
                    throw new IllegalStateException("prompt 16 is cursed, generate " + p.parameters().get("run.generate"));
                }
                return work.local().apply(p);
            }, null), sink);
        }
    }

    private static ExperimentResult run(LoadedExperiment e, Path state, PointExecutor executor) {
        return ExperimentRunner.run(e, state, executor,
                new Progress(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()), false, e.points().size()));
    }

    @Test
    void failedPointsAreListedInTheCsvTheJsonAndTheReportAndARerunRetriesOnlyThem(@TempDir Path dir) throws Exception {
        LoadedExperiment e = ExperimentLoader.load(Path.of(getClass().getResource("four-points.yaml").toURI()), List.of());
        String id2 = e.points().get(2).hash().substring(0, 16);
        String id3 = e.points().get(3).hash().substring(0, 16);

        // The same sweep with every point finishing: what the files hold without failures.
        Path clean = ReportWriter.write(run(e, dir.resolve("clean.jsonl"), new Cursed(false)), dir.resolve("clean")).getParent();
        List<String> cleanCsv = Files.readAllLines(clean.resolve("results.csv"));
        assertThat(cleanCsv.get(0)).isEqualTo("index,pointId,run.prompt,run.generate,tokensPerSecond,msPerToken,msFlashIo,"
                + "msDramIo,msCompute,msStall,ttftMs,prefillTokensPerSecond,prefillMsFlashIo,prefillMsDramIo,prefillMsMacs,prefillMsFixed,dramFootprintBytes,dramBytesPerToken,flashBytesPerToken,"
                + "energyPerTokenMj,energyDramMj,energyFlashMj,energyComputeMj,energyStaticMj,bytesPerToken.embedding,"
                + "bytesPerToken.attention,bytesPerToken.kvCache,bytesPerToken.norms,bytesPerToken.mlp,bytesPerToken.lmHead");
        assertThat(cleanCsv).hasSize(5);
        assertThat(Files.readString(clean.resolve("results.json"))).doesNotContain("failedPoints");
        assertThat(Files.readString(clean.resolve("index.html"))).doesNotContain("Failed points");

        Path state = dir.resolve("points.jsonl");
        Cursed cursed = new Cursed(true);
        ExperimentResult failing = run(e, state, cursed);
        assertThat(cursed.ran.get()).isEqualTo(4);
        assertThat(failing.failedPoints()).containsExactly(
                new FailedPoint(2, id2, Map.of("run.prompt", "16", "run.generate", "1"), "IllegalStateException: prompt 16 is cursed, generate 1", false),
                new FailedPoint(3, id3, Map.of("run.prompt", "16", "run.generate", "2"), "IllegalStateException: prompt 16 is cursed, generate 2", false));
        assertThat(Files.readAllLines(state)).hasSize(2); // failed points are not stored
        Path folder = ReportWriter.write(failing, dir.resolve("out")).getParent();

        int metrics = cleanCsv.get(0).split(",").length - 4;
        String empty = ",".repeat(metrics);
        assertThat(Files.readString(folder.resolve("results.csv"))).isEqualTo(
                cleanCsv.get(0) + ",status,error\n"
                        + cleanCsv.get(1) + ",ok,\n"
                        + cleanCsv.get(2) + ",ok,\n"
                        + "2," + id2 + ",16,1" + empty + ",failed,\"IllegalStateException: prompt 16 is cursed, generate 1\"\n"
                        + "3," + id3 + ",16,2" + empty + ",failed,\"IllegalStateException: prompt 16 is cursed, generate 2\"\n");

        String json = Files.readString(folder.resolve("results.json"));
        assertThat(json).contains("  \"failedPoints\" : [ {\n"
                + "    \"index\" : 2,\n"
                + "    \"pointId\" : \"" + id2 + "\",\n"
                + "    \"parameters\" : {\n"
                + "      \"run.prompt\" : \"16\",\n"
                + "      \"run.generate\" : \"1\"\n"
                + "    },\n"
                + "    \"error\" : \"IllegalStateException: prompt 16 is cursed, generate 1\",\n"
                + "    \"configError\" : false\n"
                + "  }, {\n");
        ExperimentResult read = ResultJson.experimentFromJson(json);
        ExperimentResult cleanRead = ResultJson.experimentFromJson(Files.readString(clean.resolve("results.json")));
        assertThat(read.failedPoints()).isEqualTo(failing.failedPoints());
        assertThat(read.points()).isEqualTo(cleanRead.points().subList(0, 2));

        String html = Files.readString(folder.resolve("index.html"));
        assertThat(html).contains("<dt>failed points</dt><dd>2</dd>");
        assertThat(html).contains("<li><a href=\"#failed\">Failed points</a></li>\n<li><a href=\"#summary\">");
        assertThat(html).contains("<h2 id=\"failed\">Failed points</h2>\n"
                + "<p class=\"note\">2 of 4 points failed; this report shows the 2 that finished. Running the same command again "
                + "(same --out) runs only the failed points.</p>\n"
                + "<div class=\"scroll\"><table id=\"failed-table\">\n<thead><tr><th>#</th><th>point</th><th>error</th></tr></thead>\n<tbody>\n"
                + "<tr class=\"off\"><td class=\"num\">2</td><td>prompt tokens 16, generated tokens 1</td>"
                + "<td>IllegalStateException: prompt 16 is cursed, generate 1</td></tr>\n"
                + "<tr class=\"off\"><td class=\"num\">3</td><td>prompt tokens 16, generated tokens 2</td>"
                + "<td>IllegalStateException: prompt 16 is cursed, generate 2</td></tr>\n"
                + "</tbody></table></div>\n"
                + "<p class=\"note\">Not drawn: chart &#39;Tokens per second at prompt 16&#39;: no point matches filter {run.prompt=16}</p>\n"
                + "<h2 id=\"summary\">Summary</h2>\n");
        assertThat(folder.resolve("chart-tokens-per-second-at-prompt-8.png")).exists();
        assertThat(folder.resolve("chart-tokens-per-second-at-prompt-16.png")).doesNotExist();

        // The re-run runs the two failed points only, and then writes exactly the clean run's files.
        Cursed healed = new Cursed(false);
        ExperimentResult again = run(e, state, healed);
        assertThat(healed.ran.get()).isEqualTo(2);
        assertThat(again.failedPoints()).isEmpty();
        Path rerun = ReportWriter.write(again, dir.resolve("out")).getParent();
        for (String f : List.of("results.csv", "results.json")) {
            assertThat(Files.readAllBytes(rerun.resolve(f))).as(f).isEqualTo(Files.readAllBytes(clean.resolve(f)));
        }
    }
}

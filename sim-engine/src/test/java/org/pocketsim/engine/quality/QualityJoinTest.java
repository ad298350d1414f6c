package org.pocketsim.engine.quality;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pocketsim.engine.experiment.ExperimentLoader;
import org.pocketsim.engine.experiment.ExperimentRunner;
import org.pocketsim.engine.experiment.LoadedExperiment;
import org.pocketsim.engine.result.ExperimentResult;
import org.pocketsim.engine.result.PointResult;
import org.pocketsim.engine.sweep.Progress;
import org.pocketsim.hw.config.ConfigException;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A run's {@code quality:} node joins one row of a CSV to each point by the point's own run values:
 * the matched row's numbers become measured metrics with their provenance in the notes; no row, or
 * several, is a one-line config error at the quality node.
 */
class QualityJoinTest {

    @TempDir
    Path dir;

    private static final String CSV = """
            model,method,generate,ppl,delta_ppl
            tiny,topk,1.0,10.5,0.0
            tiny,topk,2,10.75,0.25
            tiny,other,2,99,88.5
            """;

    private Path config(String quality, String generateAxis) throws Exception {
        Files.writeString(dir.resolve("q.csv"), CSV);
        Path file = dir.resolve("joined.yaml");
        Files.writeString(file, """
                schemaVersion: 1
                id: joined
                title: Joined
                run:
                  soc: snapdragon-8-gen3
                  model: phi3-mini-4k
                  weights: int4-g128
                  prompt: 1
                  generate: 1
                """ + quality + """
                sweep:
                  axes:
                    run.generate: %s
                """.formatted(generateAxis));
        return file;
    }

    private static final String QUALITY = """
              quality:
                file: q.csv
                metrics: {measuredPerplexity: ppl, measuredPerplexityDelta: delta_ppl}
                keys: {generate: generate}
                filter: {method: [topk, none]}
            """;

    private ExperimentResult run(Path file) {
        LoadedExperiment exp = ExperimentLoader.load(file, List.of());
        return ExperimentRunner.run(exp, dir.resolve("points.jsonl"), 1,
                new Progress(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), false, exp.points().size()));
    }

    @Test
    void eachPointCarriesTheMeasuredNumbersOfTheRowItsRunValuesSelect() throws Exception {
        ExperimentResult result = run(config(QUALITY, "[1, 2]"));
        PointResult one = result.points().get(0);
        PointResult two = result.points().get(1);
        // generate 1 matches the cell "1.0" as a number; method 'other' is filtered out at generate 2
        assertThat(one.metric("measuredPerplexity")).isEqualTo(10.5);
        assertThat(one.metric("measuredPerplexityDelta")).isEqualTo(0.0);
        assertThat(two.metric("measuredPerplexity")).isEqualTo(10.75);
        assertThat(two.metric("measuredPerplexityDelta")).isEqualTo(0.25);
        assertThat(two.hasMetric("tokensPerSecond")).as("still the simulated point").isTrue();
        assertThat(two.notes()).contains("measuredPerplexity, measuredPerplexityDelta: measured, not simulated;"
                + " columns ppl, delta_ppl of q.csv line 3 (generate = 2)");
    }

    @Test
    void whenJoinsOnlyTheListedPointsAndSameAsReadsAVariantAsItsMeasuredRowAndSaysSo() throws Exception {
        // generate 3 has no row: 'when' leaves that point unjoined instead of failing; 5 is read as 2
        ExperimentResult result = run(config("""
                  quality:
                    file: q.csv
                    metrics: {measuredPerplexity: ppl}
                    keys: {generate: generate}
                    filter: {method: topk}
                    when: {generate: [1, 5]}
                    sameAs: {"5": "2"}
                """, "[1, 3, 5]"));
        assertThat(result.points().get(0).metric("measuredPerplexity")).isEqualTo(10.5);
        assertThat(result.points().get(1).hasMetric("measuredPerplexity")).isFalse();
        assertThat(result.points().get(1).notes()).noneMatch(n -> n.contains("measured"));
        assertThat(result.points().get(2).metric("measuredPerplexity")).isEqualTo(10.75);
        assertThat(result.points().get(2).notes()).contains("measuredPerplexity: measured, not simulated;"
                + " column ppl of q.csv line 3 (generate = 2); 5 read as 2 (quality.sameAs)");
    }

    @Test
    void aWhenFieldThePointLacksIsAnErrorNotASilentSkip() throws Exception {
        Path file = config("""
                  quality:
                    file: q.csv
                    metrics: {measuredPerplexity: ppl}
                    keys: {generate: generate}
                    when: {genrate: 1}
                """, "[1]");
        assertThatThrownBy(() -> ExperimentLoader.load(file, List.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("run.quality.when.genrate")
                .hasMessageContaining("the run has no value at 'genrate'")
                .hasMessageNotContaining("\n");
    }

    @Test
    void aPointWhoseValuesNoRowHasIsAOneLineErrorAtTheQualityNode() throws Exception {
        Path file = config(QUALITY, "[1, 3]");
        assertThatThrownBy(() -> ExperimentLoader.load(file, List.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(file.toString() + ":10:")
                .hasMessageContaining("field 'run.quality'")
                .hasMessageContaining("no row of q.csv has generate = 3 (filter method in [topk, none]); it has generate 1.0, 2")
                .hasMessageContaining("sweep point 1")
                .hasMessageNotContaining("\n");
    }

    @Test
    void twoMatchingRowsAreAnAmbiguityErrorNamingTheirLines() throws Exception {
        Path file = config(QUALITY.replace("filter: {method: [topk, none]}", "filter: {model: tiny}"), "[1, 2]");
        assertThatThrownBy(() -> ExperimentLoader.load(file, List.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(file.toString() + ":10:")
                .hasMessageContaining("2 rows of q.csv (lines 3, 4) have generate = 2 (filter model in [tiny]);"
                        + " add a key or a filter that tells them apart")
                .hasMessageNotContaining("\n");
    }

    @Test
    void anUnknownColumnOrRunFieldIsNamedAtItsOwnKey() throws Exception {
        Path column = config(QUALITY.replace("keys: {generate: generate}", "keys: {generat: generate}"), "[1, 2]");
        assertThatThrownBy(() -> ExperimentLoader.load(column, List.of()))
                .hasMessageContaining("field 'run.quality.keys.generat'").hasMessageContaining("no column 'generat'");
        Path field = config(QUALITY.replace("keys: {generate: generate}", "keys: {generate: mlp.keep}"), "[1, 2]");
        assertThatThrownBy(() -> ExperimentLoader.load(field, List.of()))
                .hasMessageContaining("field 'run.quality.keys.generate'").hasMessageContaining("the run has no value at 'mlp.keep'");
    }

    @Test
    void onlyMeasuredMetricsOfTheCatalogueMayBeJoined() throws Exception {
        Path file = config(QUALITY.replace("measuredPerplexity: ppl,", "tokensPerSecond: ppl,"), "[1, 2]");
        assertThatThrownBy(() -> ExperimentLoader.load(file, List.of()))
                .hasMessageContaining("run.quality.metrics")
                .hasMessageContaining("is not a measured metric of the catalogue");
    }

    @Test
    void numbersMatchAsNumbersAndTextAsText() {
        assertThat(MeasuredQuality.same("8", "8.0")).isTrue();
        assertThat(MeasuredQuality.same("0.1", "0.10")).isTrue();
        assertThat(MeasuredQuality.same("0.1", "0.2")).isFalse();
        assertThat(MeasuredQuality.same("topk", "topk")).isTrue();
        assertThat(MeasuredQuality.same("", "0")).isFalse();
    }
}

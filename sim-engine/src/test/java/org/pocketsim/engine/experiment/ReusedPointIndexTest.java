package org.pocketsim.engine.experiment;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pocketsim.engine.result.ExperimentResult;
import org.pocketsim.engine.result.PointResult;
import org.pocketsim.engine.sweep.Progress;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A row added before stored points: the reused points take the new sweep's indexes, and the report builds. */
class ReusedPointIndexTest {

    private static final String CONFIG = """
            schemaVersion: 1
            id: rows
            title: Rows
            run:
              soc: snapdragon-8-gen3
              model: olmoe-1b-7b-0924
              weights: int4-g128
              computeFormat: int8
              executor: {decode: npu, prefill: npu}
              prompt: 8
              generate: 16
              mlp: {kind: expert-cache, cachedExperts: 16, trace: {synthetic: true}}
            sweep:
              zip:
                run:
            %s
                  - {label: lru}
                  - {label: lfu, mlp: {cache: lfu}}
            """;

    private static ExperimentResult run(Path config, Path state) {
        LoadedExperiment exp = ExperimentLoader.load(config, List.of());
        return ExperimentRunner.run(exp, state, 2,
                new Progress(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), false, exp.points().size()));
    }

    @Test
    void aRowAddedBeforeStoredPointsRenumbersTheReusedOnes(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("rows.yaml");
        Path state = dir.resolve("state.jsonl");
        Files.writeString(config, CONFIG.formatted(""));
        ExperimentResult first = run(config, state);
        Files.writeString(config, CONFIG.formatted("      - {label: fifo, mlp: {cache: fifo}}"));
        ExperimentResult second = run(config, state);
        assertThat(second.points()).extracting(PointResult::index).containsExactly(0, 1, 2);
        assertThat(second.points()).extracting(p -> p.parameters().get("run")).containsExactly("fifo", "lru", "lfu");
        assertThat(second.points().get(1).metrics()).isEqualTo(first.points().get(0).metrics());
    }
}

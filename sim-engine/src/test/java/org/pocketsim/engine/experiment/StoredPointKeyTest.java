package org.pocketsim.engine.experiment;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pocketsim.engine.result.ExperimentResult;
import org.pocketsim.engine.sweep.Progress;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A stored point is keyed by everything it reads: editing a profile file the config points to,
 * or rewriting a trace at the same path, re-runs exactly the points that read it, and a fully
 * reused run still reports the traces its points read.
 */
class StoredPointKeyTest {

    private static final String CONFIG = """
            schemaVersion: 1
            id: keyed
            title: Keyed points
            run:
              soc: snapdragon-8-gen3
              model: olmoe-1b-7b-0924
              weights: int4-g128
              computeFormat: int8
              executor: {decode: npu, prefill: npu}
              prompt: 8
              generate: 16
              mlp: {kind: expert-cache, cachedExperts: 16}
            sweep:
              zip:
                run:
                  - {label: profile file, soc: myphone.yaml, mlp: {trace: {dir: trace}}}
                  - {label: preset, mlp: {trace: {dir: trace}}}
                  - {label: synthetic, mlp: {trace: {synthetic: true}}}
            """;

    private record Run(ExperimentResult result, int ran, int reused) {
    }

    private static Run run(Path config, Path state) {
        LoadedExperiment exp = ExperimentLoader.load(config, List.of());
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        ExperimentResult result = ExperimentRunner.run(exp, state, 2,
                new Progress(new PrintStream(log, true, StandardCharsets.UTF_8), false, exp.points().size()));
        Matcher m = Pattern.compile("(\\d+) points: (\\d+) run, (\\d+) reused").matcher(log.toString(StandardCharsets.UTF_8));
        assertThat(m.find()).isTrue();
        return new Run(result, Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
    }

    @Test
    void aChangedProfileOrTraceReRunsExactlyThePointsThatReadIt(@TempDir Path dir) throws Exception {
        Path trace = dir.resolve("trace");
        Files.createDirectories(trace);
        Path real = DecodeBaselinesStudyTest.repoRoot().resolve("data/traces/olmoe-1b-7b-0924.decode299");
        for (String f : List.of("trace.yaml", "tensors.safetensors")) Files.copy(real.resolve(f), trace.resolve(f));
        Path phone = dir.resolve("myphone.yaml");
        Files.writeString(phone, "extends: snapdragon-8-gen3\ndram:\n  capacity: 12 GiB\n");
        Path config = dir.resolve("keyed.yaml");
        Files.writeString(config, CONFIG);
        Path state = dir.resolve("points.jsonl");

        Run first = run(config, state);
        assertThat(first.ran()).isEqualTo(3);
        Run again = run(config, state);
        assertThat(again.ran()).isZero();
        assertThat(again.result().traces()).as("a fully reused run keeps its trace provenance").hasSize(2);
        assertThat(Files.readString(state)).isEqualTo(Files.readString(state));

        Files.writeString(phone, "extends: snapdragon-8-gen3\ndram:\n  capacity: 12 GiB\n  peakBandwidth: 60 GB/s\n");
        Run profileEdited = run(config, state);
        assertThat(profileEdited.ran()).as("only the point on the profile file").isEqualTo(1);
        assertThat(profileEdited.reused()).isEqualTo(2);

        swapFirstTwoExpertIds(trace.resolve("tensors.safetensors"), "layers.0.experts");
        Run traceRewritten = run(config, state);
        assertThat(traceRewritten.ran()).as("the two points that read the trace directory").isEqualTo(2);
        assertThat(traceRewritten.reused()).isEqualTo(1);
    }

    /** Rewrites a trace in place, still valid: token 0 of {@code tensor} lists its first two experts the other way round. */
    private static void swapFirstTwoExpertIds(Path safetensors, String tensor) throws Exception {
        byte[] bytes = Files.readAllBytes(safetensors);
        ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int headerLength = (int) buf.getLong(0);
        String header = new String(bytes, 8, headerLength, StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("\"" + Pattern.quote(tensor) + "\":\\{[^}]*\"data_offsets\":\\[(\\d+),").matcher(header);
        assertThat(m.find()).isTrue();
        int at = 8 + headerLength + Integer.parseInt(m.group(1));
        int a = buf.getInt(at);
        int b = buf.getInt(at + 4);
        buf.putInt(at, b);
        buf.putInt(at + 4, a);
        Files.write(safetensors, bytes);
    }
}

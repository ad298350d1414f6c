package org.pocketsim.cli.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.pocketsim.cli.Main;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Fuzz targets of every input parser, through the command a user runs: whatever the bytes, the
 * command either succeeds (exit 0) or reports bad input on one line (exit 2); exit 1 (an
 * internal error with a stack trace), any other exception, a hang or running out of memory is
 * a finding. {@code ./mvnw verify} replays the committed corpus
 * ({@code src/test/resources/org/pocketsim/cli/fuzz/ParserFuzzTestInputs/<target>/}); the README's
 * "Reliability" section says how to fuzz for longer ({@code JAZZER_FUZZ=1}).
 */
class ParserFuzzTest {

    /** The manifest beside a fuzzed tensors file: one token of OLMoE router logits (bad-input/trace-nan's). */
    private static final String TRACE_YAML = "/bad-input/trace-nan/trace.yaml";
    /** The tensors beside a fuzzed manifest: 299 tokens of real OLMoE expert ids (bad-input/trace-real's). */
    private static final String TRACE_TENSORS = "/bad-input/trace-real/tensors.safetensors";
    /** A kernel-replay experiment that replays the fuzzed kernel trace beside it ({@code k.log}). */
    private static final String REPLAY_YAML = """
            schemaVersion: 1
            id: fuzz-kernel-replay
            title: "a fuzzed kernel trace, replayed"
            question: "Is every kernel trace either replayed or reported as bad input?"
            seed: 1
            run:
              kind: kernel-replay
              label: replay
              log: k.log
              origin: fuzz
              licence: MIT
              group: decode-step
            """;

    @FuzzTest
    void experimentYaml(byte[] input) throws IOException {
        Path dir = Files.createTempDirectory("fuzz-experiment");
        try {
            Path file = Files.write(dir.resolve("x.yaml"), input);
            expectUserErrorAtMost("validate", file.toString());
        } finally {
            delete(dir);
        }
    }

    @FuzzTest
    void modelYaml(byte[] input) throws IOException {
        Path dir = Files.createTempDirectory("fuzz-model");
        try {
            Path file = Files.write(dir.resolve("m.yaml"), input);
            expectUserErrorAtMost("models", "show", file.toString());
        } finally {
            delete(dir);
        }
    }

    @FuzzTest
    void profileYaml(byte[] input) throws IOException {
        Path dir = Files.createTempDirectory("fuzz-profile");
        try {
            Path file = Files.write(dir.resolve("p.yaml"), input);
            expectUserErrorAtMost("profiles", "show", file.toString());
        } finally {
            delete(dir);
        }
    }

    @FuzzTest
    void safetensorsTrace(byte[] input) throws IOException {
        Path dir = Files.createTempDirectory("fuzz-trace");
        try {
            try (var manifest = ParserFuzzTest.class.getResourceAsStream(TRACE_YAML)) {
                Files.copy(manifest, dir.resolve("trace.yaml"));
            }
            Files.write(dir.resolve("tensors.safetensors"), input);
            expectUserErrorAtMost("trace", "inspect", dir.toString());
        } finally {
            delete(dir);
        }
    }

    /** The trace opener's manifest ({@code trace.yaml}) beside a fixed, valid tensors file. */
    @FuzzTest
    void traceManifest(byte[] input) throws IOException {
        Path dir = Files.createTempDirectory("fuzz-manifest");
        try {
            try (var tensors = ParserFuzzTest.class.getResourceAsStream(TRACE_TENSORS)) {
                Files.copy(tensors, dir.resolve("tensors.safetensors"));
            }
            Files.write(dir.resolve("trace.yaml"), input);
            expectUserErrorAtMost("trace", "inspect", dir.toString());
        } finally {
            delete(dir);
        }
    }

    /** The llama.cpp GGML_PERF log importer ({@code GgmlPerfImporter}). */
    @FuzzTest
    void ggmlPerfLog(byte[] input) throws IOException {
        Path dir = Files.createTempDirectory("fuzz-ggml");
        try {
            Path file = Files.write(dir.resolve("run.log"), input);
            expectUserErrorAtMost("kernel-trace", "import", "--format", "ggml-perf", file.toString(),
                    dir.resolve("out.csv").toString());
        } finally {
            delete(dir);
        }
    }

    /**
     * The log of a kernel-replay experiment, through {@code validate}: a kernel-trace CSV
     * ({@code KernelTraceCsv}) or, without its header, a GGML_PERF log, then the replay's grouping.
     */
    @FuzzTest
    void kernelReplayLog(byte[] input) throws IOException {
        Path dir = Files.createTempDirectory("fuzz-replay");
        try {
            Files.write(dir.resolve("k.log"), input);
            Path experiment = Files.writeString(dir.resolve("x.yaml"), REPLAY_YAML);
            expectUserErrorAtMost("validate", experiment.toString());
        } finally {
            delete(dir);
        }
    }

    @FuzzTest
    void expertIdsJsonl(byte[] input) throws IOException {
        importJsonl(input, "--format", "expert-ids-jsonl", "--model", "olmoe-1b-7b-0924");
    }

    @FuzzTest
    void routerLogitsJsonl(byte[] input) throws IOException {
        importJsonl(input, "--format", "router-logits-jsonl", "--model", "switch-base-32", "--layers", "12",
                "--layer-index", "1,3,5,7,9,11");
    }

    private static void importJsonl(byte[] input, String... options) throws IOException {
        Path dir = Files.createTempDirectory("fuzz-import");
        try {
            Path file = Files.write(dir.resolve("in.jsonl"), input);
            java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("trace", "import"));
            args.addAll(java.util.List.of(options));
            args.add(file.toString());
            args.add(dir.resolve("out").toString());
            expectUserErrorAtMost(args.toArray(new String[0]));
        } finally {
            delete(dir);
        }
    }

    /** Runs the command in-process; exit 0 or 2 is fine, anything else is a finding. */
    private static void expectUserErrorAtMost(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        if (code != 0 && code != 2) {
            throw new AssertionError("pocketsim " + String.join(" ", args) + " exited " + code + ":\n" + err);
        }
        if (code == 2 && err.toString().strip().contains("\n")) {
            throw new AssertionError("bad input must be one line, got:\n" + err);
        }
    }

    private static void delete(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}

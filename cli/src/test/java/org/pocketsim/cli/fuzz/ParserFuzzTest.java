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

package org.pocketsim.workload.trace;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Locates the captured traces in the repository for tests: the tiny per-architecture fixtures
 * under {@code fixtures/captured/<arch>/} and the real traces {@code data/traces/real/<model>/prompt-*}.
 * The repository root is surefire's {@code pocketsim.repoRoot}, else the nearest ancestor of
 * user.dir holding {@code mvnw}.
 */
final class RealTraces {

    /** Architectures of the tiny fixtures written by tools/trace-capture's tests. */
    static final List<String> FIXTURE_ARCHS = List.of("deepseek_v2", "llama", "mistral", "mixtral", "olmoe", "phi3", "qwen2_moe");
    /** The two trained models whose traces ship in data/traces/real. */
    static final List<String> REAL_MODELS = List.of("pocketsim-llama-py", "pocketsim-olmoe-py");

    private RealTraces() {
    }

    static Path repoRoot() {
        String prop = System.getProperty("pocketsim.repoRoot");
        if (prop != null && !prop.isBlank()) return Path.of(prop);
        for (Path p = Path.of(System.getProperty("user.dir")).toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.exists(p.resolve("mvnw"))) return p;
        }
        throw new IllegalStateException("repository root not found from " + System.getProperty("user.dir"));
    }

    static Path fixturesRoot() {
        return repoRoot().resolve("workloads/src/test/resources/fixtures/captured");
    }

    static Path realRoot() {
        return repoRoot().resolve("data/traces/real");
    }

    /** Sub-directories of {@code dir} whose names match {@code glob}, sorted by name. */
    static List<Path> dirs(Path dir, String glob) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isDirectory)
                    .filter(p -> p.getFileSystem().getPathMatcher("glob:" + glob).matches(p.getFileName()))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(dir + ": " + e.getMessage(), e);
        }
    }

    /** Every {@code data/traces/real/<model>/prompt-*} directory, sorted. */
    static List<Path> realTraceDirs() {
        return dirs(realRoot(), "*").stream().flatMap(m -> dirs(m, "prompt-*").stream()).toList();
    }
}

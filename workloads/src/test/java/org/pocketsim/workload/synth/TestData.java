package org.pocketsim.workload.synth;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the repository's real data for tests (surefire's pocketsim.repoRoot, else the folder holding mvnw). */
final class TestData {

    private TestData() {
    }

    static Path repoRoot() {
        String prop = System.getProperty("pocketsim.repoRoot");
        if (prop != null && !prop.isBlank()) return Path.of(prop);
        Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("mvnw"))) dir = dir.getParent();
        if (dir == null) throw new IllegalStateException("repository root not found from " + System.getProperty("user.dir"));
        return dir;
    }

    static Path olmoeTrace() {
        return repoRoot().resolve("data/third-party/moe/olmoe-1b-7b-0924.decode299.expert-ids.jsonl");
    }

    static Path olmoeStats() {
        return repoRoot().resolve("data/third-party/moe/olmoe-routing-stats-per-layer.csv");
    }

    private static TealThresholds teal;

    static synchronized TealThresholds teal() {
        if (teal == null) teal = TealThresholds.load(repoRoot().resolve("data/third-party/sparsity/teal-abs-thresholds-by-sparsity.csv"));
        return teal;
    }
}

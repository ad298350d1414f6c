package org.pocketsim.workload.importer;

import java.nio.file.Files;
import java.nio.file.Path;

/** The repository root: system property {@code pocketsim.repoRoot}, else the nearest ancestor of user.dir holding {@code mvnw}. */
final class RepoRoot {

    private RepoRoot() {
    }

    static Path get() {
        String prop = System.getProperty("pocketsim.repoRoot");
        if (prop != null && !prop.isBlank()) return Path.of(prop);
        for (Path p = Path.of(System.getProperty("user.dir")).toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.exists(p.resolve("mvnw"))) return p;
        }
        throw new IllegalStateException("repository root not found from " + System.getProperty("user.dir"));
    }
}

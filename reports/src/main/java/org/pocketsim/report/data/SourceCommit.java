package org.pocketsim.report.data;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The git commit of the checkout PocketSim runs from, read from the checkout's {@code .git}
 * (a folder, or the file a worktree has) above the code's own location: HEAD, the branch ref
 * it names, or packed-refs. Empty when PocketSim does not run from a checkout (an installed
 * jar) or anything there is unreadable: provenance then says so, and nothing fails.
 */
public final class SourceCommit {

    private static final Pattern SHA = Pattern.compile("[0-9a-f]{40}");

    private SourceCommit() {
    }

    /** The commit of the checkout holding the class {@code anchor}, if any. */
    public static Optional<String> of(Class<?> anchor) {
        try {
            return above(Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI()));
        } catch (URISyntaxException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The commit of the nearest checkout at or above {@code start}, if any. */
    public static Optional<String> above(Path start) {
        try {
            for (Path dir = start.toAbsolutePath(); dir != null; dir = dir.getParent()) {
                Path git = dir.resolve(".git");
                if (Files.exists(git)) return read(git);
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static Optional<String> read(Path git) throws IOException {
        Path gitDir = git;
        if (Files.isRegularFile(git)) {
            String line = Files.readString(git, StandardCharsets.UTF_8).trim();
            if (!line.startsWith("gitdir:")) return Optional.empty();
            gitDir = git.getParent().resolve(line.substring("gitdir:".length()).trim()).normalize();
        }
        Path common = gitDir;
        Path commonFile = gitDir.resolve("commondir");
        if (Files.isRegularFile(commonFile)) {
            common = gitDir.resolve(Files.readString(commonFile, StandardCharsets.UTF_8).trim()).normalize();
        }
        String head = Files.readString(gitDir.resolve("HEAD"), StandardCharsets.UTF_8).trim();
        if (SHA.matcher(head).matches()) return Optional.of(head);
        if (!head.startsWith("ref:")) return Optional.empty();
        String ref = head.substring("ref:".length()).trim();
        for (Path base : new Path[]{gitDir, common}) {
            Path loose = base.resolve(ref);
            if (Files.isRegularFile(loose)) {
                String sha = Files.readString(loose, StandardCharsets.UTF_8).trim();
                if (SHA.matcher(sha).matches()) return Optional.of(sha);
            }
        }
        Path packed = common.resolve("packed-refs");
        if (Files.isRegularFile(packed)) {
            for (String line : Files.readAllLines(packed, StandardCharsets.UTF_8)) {
                String[] parts = line.trim().split(" ");
                if (parts.length == 2 && parts[1].equals(ref) && SHA.matcher(parts[0]).matches()) return Optional.of(parts[0]);
            }
        }
        return Optional.empty();
    }
}

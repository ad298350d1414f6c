package org.pocketsim.cli;

import org.pocketsim.hw.config.PlainText;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The check that an output folder ({@code --out}, the folder of {@code --report}, ...) can be
 * created and written, made before any work starts, so that a command never computes results it
 * cannot store. It leaves nothing behind: folders it creates to try are removed again.
 */
final class OutputFolder {

    private OutputFolder() {
    }

    /** Throws a {@link UserInputException} {@code --out DIR: ...} when {@code dir} cannot be written. */
    static void checkWritable(Path dir) {
        checkWritable(dir, "--out " + dir);
    }

    /** Prefix of the file that proves a folder writable; it lives for an instant, unless the run is killed then. */
    static final String WRITE_CHECK = ".pocketsim-write-check";

    /** Removes the write-check files of runs killed between creating and deleting theirs. */
    private static void removeStaleWriteChecks(Path target) throws IOException {
        try (var stale = Files.newDirectoryStream(target, WRITE_CHECK + "*")) {
            for (Path p : stale) Files.deleteIfExists(p);
        }
    }

    /**
     * Throws a {@link UserInputException} {@code SOURCE: ...} when {@code dir} cannot be created or
     * written; {@code source} is the argument as the user gave it, e.g. {@code --report x/r.csv}.
     */
    static void checkWritable(Path dir, String source) {
        Path target = dir.toAbsolutePath().normalize();
        List<Path> missing = new ArrayList<>();
        Path existing = target;
        while (existing != null && !Files.exists(existing)) {
            missing.add(0, existing);
            existing = existing.getParent();
        }
        if (existing != null && !Files.isDirectory(existing)) {
            throw new UserInputException(source + ": cannot create the folder " + target + ": " + existing + " is a file, not a folder");
        }
        try {
            for (Path folder : missing) {
                try {
                    Files.createDirectory(folder);
                } catch (IOException | SecurityException e) {
                    throw new UserInputException(source + ": cannot create the folder " + folder + " ("
                            + (e instanceof java.nio.file.NoSuchFileException ? "not allowed there" : PlainText.reason(e)) + ")");
                }
            }
            removeStaleWriteChecks(target);
            Files.delete(Files.createTempFile(target, WRITE_CHECK, ""));
        } catch (IOException | SecurityException e) {
            throw new UserInputException(source + ": cannot write into the folder " + target + " (" + PlainText.reason(e) + ")");
        } finally {
            for (int i = missing.size() - 1; i >= 0; i--) {
                try {
                    Files.deleteIfExists(missing.get(i));
                } catch (IOException e) {
                    break; // not ours to clean any more (something else wrote into it)
                }
            }
        }
    }
}

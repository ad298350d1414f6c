package org.pocketsim.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/** The checks every import command makes before reading: the input is a file, the output's folder is writable. */
final class ImportPaths {

    private ImportPaths() {
    }

    /** Fails with one line unless {@code in} is a regular file and the folder {@code out} goes into can be written. */
    static void check(Path in, Path out) {
        if (Files.isDirectory(in)) throw new UserInputException(in + ": is a folder, not a file");
        if (!Files.isRegularFile(in)) throw new UserInputException(in + ": file not found");
        Path parent = out.toAbsolutePath().normalize().getParent();
        if (parent != null) OutputFolder.checkWritable(parent, out.toString());
    }
}

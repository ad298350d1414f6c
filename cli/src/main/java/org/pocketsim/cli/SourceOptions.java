package org.pocketsim.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The provenance options every import command takes (a picocli mixin): where the input comes
 * from and under which licence, recorded in what the import writes.
 */
final class SourceOptions {

    @Option(names = "--origin", description = "where the input comes from: repository@commit:path (default: the file name)")
    String origin;

    @Option(names = "--licence", defaultValue = "unknown", description = "licence of the origin (default: ${DEFAULT-VALUE})")
    String licence;

    /** The origin given, or the input's file name. */
    String origin(Path in) {
        return origin != null ? origin : in.getFileName().toString();
    }

    String licence() {
        return licence;
    }
}

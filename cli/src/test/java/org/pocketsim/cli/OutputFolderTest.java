package org.pocketsim.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The output folder's write check leaves nothing behind: not its own file, and not the file of an
 * earlier run killed between creating and deleting its check (CrashRecoveryTest found one).
 */
class OutputFolderTest {

    @Test
    void aKilledRunsWriteCheckFileIsRemovedAndTheCheckLeavesNone(@TempDir Path dir) throws Exception {
        Files.createFile(dir.resolve(OutputFolder.WRITE_CHECK + "1149685941831689143"));
        Files.writeString(dir.resolve("results.csv"), "kept\n");
        OutputFolder.checkWritable(dir, "--out " + dir);
        try (var left = Files.list(dir)) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactly("results.csv");
        }
    }
}

package org.pocketsim.report.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class SourceCommitTest {

    private static final String SHA = "0123456789abcdef0123456789abcdef01234567";
    private static final String OTHER = "89abcdef0123456789abcdef0123456789abcdef";

    @TempDir
    Path tmp;

    @Test
    void readsTheBranchHeadOfACheckoutAboveTheStart() throws Exception {
        Path git = Files.createDirectories(tmp.resolve("repo/.git/refs/heads"));
        Files.writeString(tmp.resolve("repo/.git/HEAD"), "ref: refs/heads/main\n");
        Files.writeString(git.resolve("main"), SHA + "\n");
        Path deep = Files.createDirectories(tmp.resolve("repo/cli/target"));
        assertThat(SourceCommit.above(deep)).contains(SHA);
    }

    @Test
    void readsAWorktreeAndAPackedRef() throws Exception {
        Path main = Files.createDirectories(tmp.resolve("main/.git/worktrees/wt"));
        Files.writeString(main.resolve("HEAD"), "ref: refs/heads/reports\n");
        Files.writeString(main.resolve("commondir"), "../..\n");
        Files.writeString(tmp.resolve("main/.git/packed-refs"), "# pack-refs with: peeled\n" + OTHER + " refs/heads/reports\n");
        Files.createDirectories(tmp.resolve("wt"));
        Files.writeString(tmp.resolve("wt/.git"), "gitdir: " + main + "\n");
        assertThat(SourceCommit.above(tmp.resolve("wt"))).contains(OTHER);
    }

    @Test
    void aDetachedHeadIsItsOwnCommit() throws Exception {
        Files.createDirectories(tmp.resolve("d/.git"));
        Files.writeString(tmp.resolve("d/.git/HEAD"), SHA + "\n");
        assertThat(SourceCommit.above(tmp.resolve("d"))).contains(SHA);
    }

    @Test
    void outsideACheckoutThereIsNoCommitAndNoError() throws Exception {
        Path plain = Files.createDirectories(tmp.resolve("plain"));
        // A temp folder may itself sit under a checkout; only a folder without .git above is asserted.
        if (SourceCommit.above(tmp).isEmpty()) assertThat(SourceCommit.above(plain)).isEmpty();
        Files.createDirectories(tmp.resolve("broken/.git"));
        assertThat(SourceCommit.above(tmp.resolve("broken"))).isEmpty();
    }
}

package org.pocketsim.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two {@code pocketsim run} processes on the same {@code --out}: while one holds the experiment's
 * lock, the other fails at once with one line naming the holder's pid (exit 2); a run started
 * after the first finished reuses its points. Points are never interleaved or stored twice.
 */
class ConcurrentRunTest {

    @TempDir
    Path dir;

    @Test
    void aSecondRunOnTheSameOutFailsWhileTheFirstHoldsTheLockAndTheFirstCompletesIntact() throws Exception {
        Path config = ChildCli.resource("/reliability/sweep20.yaml", dir);
        Path out = dir.resolve("out");
        Path lockFile = out.resolve(".state/sweep20/lock");
        Path logs = dir.resolve("logs");

        ChildCli first = ChildCli.start(logs, "first", "run", config.toString(), "--out", out.toString(), "--jobs", "1");
        String firstPid = Long.toString(first.pid());
        // Wait until the first run holds the lock, then stop it there (SIGSTOP) so the second surely overlaps.
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (!(Files.exists(lockFile) && Files.readString(lockFile).trim().equals(firstPid))) {
            assertThat(first.alive()).as("first run ended before taking the lock: %s", first.err()).isTrue();
            assertThat(System.nanoTime()).as("first run never took the lock").isLessThan(deadline);
            Thread.sleep(2);
        }
        signal("STOP", first.pid());
        try {
            ChildCli second = ChildCli.start(logs, "second", "run", config.toString(), "--out", out.toString(), "--jobs", "1");
            assertThat(second.waitFor(120)).as(second.err()).isEqualTo(2);
            assertThat(second.out()).isEmpty();
            assertThat(second.err()).isEqualTo("--out " + out + ": another pocketsim run (pid " + firstPid + ") is running this"
                    + " experiment into the same folder (lock " + lockFile + "); wait for it to finish or choose another --out\n");
        } finally {
            signal("CONT", first.pid());
        }
        assertThat(first.waitFor(120)).as(first.err()).isEqualTo(0);

        ChildCli third = ChildCli.start(logs, "third", "run", config.toString(), "--out", out.toString(), "--jobs", "2");
        assertThat(third.waitFor(120)).as(third.err()).isEqualTo(0);
        assertThat(third.err()).contains("20 points: 0 run, 20 reused from an earlier run");

        List<String> lines = Files.readAllLines(out.resolve(".state/sweep20/points.jsonl"));
        Set<String> hashes = new HashSet<>();
        for (String line : lines) hashes.add(line.substring(0, line.indexOf(",\"result\"")));
        assertThat(lines).hasSize(20);
        assertThat(hashes).hasSize(20);
    }

    private static void signal(String name, long pid) throws Exception {
        Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(pid)).inheritIO().start();
        assertThat(kill.waitFor()).isZero();
    }
}

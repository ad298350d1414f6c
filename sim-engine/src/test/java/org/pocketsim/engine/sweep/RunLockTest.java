package org.pocketsim.engine.sweep;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RunLockTest {

    @TempDir
    Path dir;

    @Test
    void theLockFileHoldsTheHoldersPidAndASecondAcquisitionFailsNamingIt() throws Exception {
        Path state = dir.resolve(".state").resolve("x");
        try (RunLock lock = RunLock.acquire(state)) {
            String pid = Long.toString(ProcessHandle.current().pid());
            assertThat(Files.readString(state.resolve(RunLock.FILE_NAME)).trim()).isEqualTo(pid);
            assertThatThrownBy(() -> RunLock.acquire(state))
                    .isInstanceOf(RunLock.HeldException.class)
                    .hasMessage("another pocketsim run (pid " + pid + ") is running this experiment into the same folder (lock "
                            + state.resolve("lock") + "); wait for it to finish or choose another --out");
        }
    }

    @Test
    void aReleasedLockCanBeTakenAgainAndAStaleLockFileHoldsNothing() throws Exception {
        Path state = dir.resolve("s");
        Files.createDirectories(state);
        Files.writeString(state.resolve(RunLock.FILE_NAME), "999999\n"); // left by a killed run
        try (RunLock first = RunLock.acquire(state)) {
            assertThat(first).isNotNull();
        }
        try (RunLock second = RunLock.acquire(state)) {
            assertThat(Files.readString(state.resolve(RunLock.FILE_NAME)).trim()).isEqualTo(Long.toString(ProcessHandle.current().pid()));
        }
    }

    @Test
    void twoThreadsNeverHoldTheLockAtOnce() throws Exception {
        Path state = dir.resolve("t");
        java.util.concurrent.atomic.AtomicInteger holders = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger most = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger refused = new java.util.concurrent.atomic.AtomicInteger();
        Runnable contender = () -> {
            for (int i = 0; i < 200; i++) {
                try (RunLock lock = RunLock.acquire(state)) {
                    most.accumulateAndGet(holders.incrementAndGet(), Math::max);
                    Thread.onSpinWait();
                    holders.decrementAndGet();
                } catch (RunLock.HeldException e) {
                    refused.incrementAndGet();
                }
            }
        };
        Thread a = new Thread(contender);
        Thread b = new Thread(contender);
        a.start();
        b.start();
        a.join();
        b.join();
        assertThat(most.get()).isEqualTo(1);
    }
}

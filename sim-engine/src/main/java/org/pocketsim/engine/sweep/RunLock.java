package org.pocketsim.engine.sweep;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The lock one run holds on an experiment's state folder ({@code .state/<id>/lock}) while it runs
 * points and writes the report, so two runs on the same {@code --out} never interleave points or
 * reports: the second fails at once, naming the holder's pid.
 *
 * <p>It is an operating-system lock on the file ({@link FileChannel#tryLock()}), so it is
 * released when its process ends in any way, {@code kill -9} included; a lock file left behind
 * by a dead process holds no lock. The file stays (deleting it would let a third run lock a new
 * file while a second still holds the old one) and holds the pid of the last run that took it.
 * Within one process a second acquisition fails the same way.
 */
public final class RunLock implements AutoCloseable {

    /** The lock file's name inside the experiment's state folder. */
    public static final String FILE_NAME = "lock";

    private final FileChannel channel;
    private final FileLock lock;

    private RunLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the lock of state folder {@code stateDir} (created if missing), or throws
     * {@link HeldException} when another run holds it.
     */
    public static RunLock acquire(Path stateDir) {
        Path file = stateDir.resolve(FILE_NAME);
        FileChannel channel = null;
        try {
            Files.createDirectories(stateDir);
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException sameProcess) {
                lock = null;
            }
            if (lock == null) {
                String holder = holderOf(channel);
                channel.close();
                throw new HeldException(file, holder);
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)), 0);
            channel.force(false);
            return new RunLock(channel, lock);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new UncheckedIOException("cannot lock " + file, e);
        }
    }

    /** The pid written by the holder, or "unknown" while it has not written it yet. */
    private static String holderOf(FileChannel channel) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(32);
        channel.read(buffer, 0);
        String text = new String(buffer.array(), 0, buffer.position(), StandardCharsets.US_ASCII).trim();
        return text.matches("[0-9]+") ? text : "unknown";
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel == null) return;
        try {
            channel.close();
        } catch (IOException ignored) {
            // the lock was not taken; nothing to release
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot release the run lock", e);
        }
    }

    /** Another run holds the lock: {@link #getMessage()} names the file and the holder's pid. */
    public static final class HeldException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        private final transient Path file;
        private final String holderPid;

        HeldException(Path file, String holderPid) {
            super("another pocketsim run (pid " + holderPid + ") is running this experiment into the same folder"
                    + " (lock " + file + "); wait for it to finish or choose another --out");
            this.file = file;
            this.holderPid = holderPid;
        }

        public Path file() {
            return file;
        }

        public String holderPid() {
            return holderPid;
        }
    }
}

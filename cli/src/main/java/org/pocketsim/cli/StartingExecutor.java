package org.pocketsim.cli;

import org.pocketsim.engine.sweep.PointExecutor;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * A point executor being started beside the driver's own work. A Spark context takes seconds to
 * start (class loading, its scheduler, the local executor), about as long as the driver takes to
 * read, bind and prepare a large sweep, so {@code run} starts it on a daemon thread first and
 * takes it once the points are ready; the thread pool is made at once. Whoever began it either
 * {@link #take()}s it (and closes it) or {@link #abandon()}s it, which waits for the start to end
 * and closes what it made, so no context outlives a failed command (one Spark context per JVM).
 */
final class StartingExecutor {

    private final CompletableFuture<PointExecutor> future;
    private boolean taken;

    private StartingExecutor(CompletableFuture<PointExecutor> future) {
        this.future = future;
    }

    /** Made here and now. */
    static StartingExecutor now(Supplier<PointExecutor> create) {
        return new StartingExecutor(CompletableFuture.completedFuture(create.get()));
    }

    /** Started on a daemon thread of its own. */
    static StartingExecutor inBackground(Supplier<PointExecutor> create) {
        CompletableFuture<PointExecutor> f = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                f.complete(create.get());
            } catch (Throwable e) { // handed to take(), which rethrows it on the command's thread
                f.completeExceptionally(e);
            }
        }, "pocketsim-executor-start");
        t.setDaemon(true);
        t.start();
        return new StartingExecutor(f);
    }

    /** The started executor, the caller's to close; what the start threw, thrown here. */
    PointExecutor take() {
        taken = true;
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException re) throw re;
            if (e.getCause() instanceof Error err) throw err;
            throw e;
        }
    }

    /** When not taken: waits for the start to end and closes what it made; its errors no longer matter. */
    void abandon() {
        if (taken) return;
        taken = true;
        try {
            future.join().close();
        } catch (RuntimeException ignored) {
            // The command already fails for another reason, which is the one to report.
        }
    }
}

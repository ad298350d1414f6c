package org.pocketsim.engine.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** The default executor: points run on a pool of {@code jobs} threads in this JVM. */
public final class LocalPointExecutor implements PointExecutor {

    /** Its name for {@code --executor}. */
    public static final String NAME = "threads";

    private final int jobs;

    public LocalPointExecutor(int jobs) {
        if (jobs < 1) throw new IllegalArgumentException("jobs must be at least 1, got " + jobs);
        this.jobs = jobs;
    }

    @Override
    public <R> void run(List<SweepPoint> points, PointWork<R> work, PointSink<R> sink) {
        if (points.isEmpty()) return;
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(jobs, points.size()), r -> {
            Thread t = new Thread(r, "pocketsim-point");
            t.setDaemon(true);
            return t;
        });
        List<Future<?>> futures = new ArrayList<>(points.size());
        try {
            for (SweepPoint point : points) {
                futures.add(pool.submit(() -> {
                    R result;
                    try {
                        result = work.local().apply(point);
                    } catch (RuntimeException e) {
                        sink.failed(point, e);
                        return;
                    }
                    sink.finished(point, result);
                }));
            }
            for (Future<?> f : futures) f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("sweep interrupted", e);
        } catch (ExecutionException e) { // an Error, or the sink could not store a result (disk full)
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) throw re;
            if (cause instanceof Error err) throw err;
            throw new IllegalStateException(cause);
        } finally {
            pool.shutdownNow();
        }
    }
}

package org.pocketsim.engine.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Runs the points of a sweep in parallel and returns their results in point order.
 *
 * <p>Points are independent, serialisable spec-to-result units: the result of a point depends
 * only on its tree and seed, never on scheduling, so any number of jobs gives identical
 * results. Each finished point is appended to the {@link PointStore} at once; points already
 * stored under the same hash are reused, not run.
 *
 * @param <R> result type, serialisable to JSON with Jackson
 */
public final class SweepRunner<R> {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Class<R> resultType;
    private final int jobs;

    public SweepRunner(Class<R> resultType, int jobs) {
        if (jobs < 1) throw new IllegalArgumentException("jobs must be at least 1, got " + jobs);
        this.resultType = resultType;
        this.jobs = jobs;
    }

    public List<R> run(List<SweepPoint> points, Function<SweepPoint, R> task, PointStore store, Progress progress) {
        List<R> results = new ArrayList<>(points.size());
        List<Future<R>> futures = new ArrayList<>(points.size());
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(jobs, Math.max(1, points.size())), r -> {
            Thread t = new Thread(r, "pocketsim-point");
            t.setDaemon(true);
            return t;
        });
        try {
            for (SweepPoint point : points) {
                JsonNode stored = store.find(point.hash());
                if (stored != null) {
                    R reused = MAPPER.convertValue(stored, resultType);
                    progress.skipped();
                    futures.add(java.util.concurrent.CompletableFuture.completedFuture(reused));
                    continue;
                }
                futures.add(pool.submit(() -> {
                    R result = task.apply(point);
                    store.append(point.hash(), MAPPER.valueToTree(result));
                    progress.finished(point.label());
                    return result;
                }));
            }
            for (Future<R> f : futures) results.add(f.get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("sweep interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) throw re;
            if (cause instanceof Error err) throw err;
            throw new IllegalStateException(cause);
        } finally {
            pool.shutdownNow();
        }
        return results;
    }
}

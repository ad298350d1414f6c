package org.pocketsim.engine.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Function;

/**
 * Runs the points of a sweep on a {@link PointExecutor} and returns their results in point order.
 *
 * <p>Points are independent, serialisable spec-to-result units: the result of a point depends
 * only on its tree and seed, never on scheduling or on where it ran, so any executor and any
 * number of jobs give identical results. Each finished point is appended to the
 * {@link PointStore} at once; points already stored under the same hash are reused, not run. A
 * point that throws is not stored; the others finish, and then {@link #runAll} lists the failed
 * ones beside the results ({@link #run} throws {@link FailedPointsException}), so a re-run runs
 * exactly those.
 *
 * @param <R> result type, serialisable to JSON with Jackson
 */
public final class SweepRunner<R> {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Class<R> resultType;
    private final PointExecutor executor;

    /** On a local thread pool of {@code jobs} threads. */
    public SweepRunner(Class<R> resultType, int jobs) {
        this(resultType, new LocalPointExecutor(jobs));
    }

    public SweepRunner(Class<R> resultType, PointExecutor executor) {
        this.resultType = resultType;
        this.executor = executor;
    }

    /** Runs the points here only (the work has no remote recipe). */
    public List<R> run(List<SweepPoint> points, Function<SweepPoint, R> task, PointStore store, Progress progress) {
        return run(points, task, null, store, progress);
    }

    /**
     * Runs every point and ends with {@link FailedPointsException} when some threw (after all
     * others are stored).
     *
     * @param task   runs one point in this JVM
     * @param remote the same work as it travels to other JVMs; null when it cannot
     */
    public List<R> run(List<SweepPoint> points, Function<SweepPoint, R> task, RemotePointWork remote, PointStore store,
                       Progress progress) {
        Outcome<R> outcome = runAll(points, task, remote, store, progress);
        if (!outcome.failures().isEmpty()) throw new FailedPointsException(outcome.failures(), points.size());
        return outcome.results();
    }

    /**
     * What a sweep gave: per point in point order its result, or null where it failed; and the
     * failed points in sweep order.
     */
    public record Outcome<R>(List<R> results, List<FailedPointsException.Failure> failures) {
    }

    /**
     * Runs every point, a failed one included: its result is null and it is listed among the
     * failures (not stored, so a re-run runs it again).
     */
    public Outcome<R> runAll(List<SweepPoint> points, Function<SweepPoint, R> task, RemotePointWork remote, PointStore store,
                             Progress progress) {
        AtomicReferenceArray<R> results = new AtomicReferenceArray<>(points.size());
        List<SweepPoint> pending = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            SweepPoint point = points.get(i);
            JsonNode stored = store.find(point.hash());
            if (stored != null) {
                results.set(i, MAPPER.convertValue(stored, resultType));
                progress.skipped();
            } else {
                pending.add(point);
                positions.add(i);
            }
        }
        // A point's position in this run, by identity: two points may share an index only in tests.
        java.util.IdentityHashMap<SweepPoint, Integer> position = new java.util.IdentityHashMap<>();
        for (int k = 0; k < pending.size(); k++) position.put(pending.get(k), positions.get(k));
        List<FailedPointsException.Failure> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        java.util.Set<Integer> failedSlots = java.util.concurrent.ConcurrentHashMap.newKeySet();
        executor.run(pending, new PointWork<>(resultType, task, remote), new PointSink<R>() {
            @Override
            public void finished(SweepPoint point, R result) {
                store.append(point.hash(), MAPPER.valueToTree(result));
                results.set(slot(point), result);
                progress.finished(point.label());
            }

            @Override
            public void failed(SweepPoint point, String message, boolean configError) {
                failedSlots.add(slot(point));
                failures.add(new FailedPointsException.Failure(point.index(), point.label(), message, configError));
                progress.finished(point.label() + ": failed");
            }

            private int slot(SweepPoint point) {
                Integer at = position.get(point);
                if (at == null) throw new IllegalStateException("executor reported a point it was not given: " + point.label());
                return at;
            }
        });
        List<FailedPointsException.Failure> sorted = new ArrayList<>(failures);
        sorted.sort(Comparator.comparingInt(FailedPointsException.Failure::index));
        List<R> out = new ArrayList<>(points.size());
        for (int i = 0; i < points.size(); i++) {
            R r = results.get(i);
            if (r == null && !failedSlots.contains(i)) throw new IllegalStateException("executor never reported point " + points.get(i).label());
            out.add(r);
        }
        return new Outcome<>(java.util.Collections.unmodifiableList(out), List.copyOf(sorted));
    }
}

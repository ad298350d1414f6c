package org.pocketsim.engine.sweep;

import java.util.List;

/**
 * Seam: runs the points of a sweep that are not stored yet. {@link LocalPointExecutor} (a thread
 * pool in this JVM) is the default; other executors (Apache Spark, module {@code spark}) are
 * found by name through {@link PointExecutors}. A point is a pure function of its resolved spec
 * and seed, so every executor gives the same results; only where and when points run differs.
 *
 * <p>An executor reports every point exactly once to the sink, from any thread, in any order: its
 * result, or its failure with a message (a point that throws does not stop the others). It may
 * throw only when it cannot go on at all (a cluster lost); the points reported until then stay
 * reported.
 */
public interface PointExecutor extends AutoCloseable {

    /** Runs {@code points} (in sweep order) and reports each to {@code sink}; returns when all are reported. */
    <R> void run(List<SweepPoint> points, PointWork<R> work, PointSink<R> sink);

    /**
     * Whether the remote work it runs may run in this JVM (Spark's local mode), where the driver
     * offers it the points it has prepared instead of having each bound and prepared again; default no.
     */
    default boolean runsRemoteWorkInThisJvm() {
        return false;
    }

    /** Releases what the executor holds (threads, a Spark context); default nothing. */
    @Override
    default void close() {
    }
}

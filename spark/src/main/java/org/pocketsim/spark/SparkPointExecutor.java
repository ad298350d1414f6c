package org.pocketsim.spark;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.pocketsim.engine.sweep.PointExecutor;
import org.pocketsim.engine.sweep.PointSink;
import org.pocketsim.engine.sweep.PointWork;
import org.pocketsim.engine.sweep.RemotePointWork;
import org.pocketsim.engine.sweep.SweepPoint;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a sweep's points on Apache Spark: each point travels as its {@link SweepPoint} (resolved
 * run tree, seed, key) with the experiment's {@link RemotePointWork}, runs in an executor JVM,
 * and comes back as its result's JSON. Partitions come back to the driver as each finishes
 * (not all at the end), so the driver stores their points at once, exactly as the thread pool
 * does. A point that throws comes back as a failure with its message; the others go on. A lost
 * executor's tasks are retried by Spark elsewhere, which costs only their points' time.
 */
public final class SparkPointExecutor implements PointExecutor {

    /**
     * Partitions per core: enough to balance points of uneven cost and to lose little when an
     * executor is lost (the tasks it was running are run again elsewhere, each a quarter of a
     * core's share of the points, not all of it; finished tasks' results are already on the
     * driver), few enough that the per-task cost (a few tens of milliseconds in local mode) stays
     * small. For 2,000 cheap points on local[2], 1, 2, 4 and 8 per core measured within noise
     * (sweep 2.4-3.5 s at load average 3.4-6.4), so the balance wins.
     */
    private static final int PARTITIONS_PER_CORE = 4;

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Points of the warm-up job: a few per partition on a small machine (64 on local[2] is 8
     * partitions of 8), enough to load and link the whole path (at load average about 3, 500 and
     * 2,000 measured sweeps no shorter, 1.4-1.6 s against 1.4-1.7 s, and warm-ups longer, 0.8-1.3 s
     * against 0.7-0.9 s).
     */
    private static final int WARM_UP_POINTS = 64;

    private final JavaSparkContext context;
    private final boolean owned;
    /** Whether its tasks may run in this JVM: a local master's, unless made to act as a cluster's ({@link #asCluster}). */
    private final boolean tasksInThisJvm;
    /** The warm-up job's thread, which a sweep's job waits for; null on a caller's context. */
    private volatile Thread warmingUp;

    /** On an existing context (tests, a caller's session); {@link #close()} leaves it running. */
    public SparkPointExecutor(JavaSparkContext context) {
        this(context, false);
    }

    private SparkPointExecutor(JavaSparkContext context, boolean owned) {
        this(context, owned, context.isLocal());
    }

    private SparkPointExecutor(JavaSparkContext context, boolean owned, boolean tasksInThisJvm) {
        this.context = context;
        this.owned = owned;
        this.tasksInThisJvm = tasksInThisJvm;
    }

    /**
     * On an existing local context, but with every point bound and prepared again in the task, as
     * executors in other JVMs do (tests of what a cluster sees); {@link #close()} leaves it running.
     */
    static SparkPointExecutor asCluster(JavaSparkContext context) {
        return new SparkPointExecutor(context, false, false);
    }

    /** A local master runs its tasks in this JVM, where the driver's prepared points are. */
    @Override
    public boolean runsRemoteWorkInThisJvm() {
        return tasksInThisJvm;
    }

    /**
     * Starts a Spark context; {@code master} null takes spark-submit's ({@code spark.master}), else
     * {@code local[*]}. The web UI is off unless the configuration turns it on.
     */
    public static SparkPointExecutor start(String master) {
        SparkConf conf = new SparkConf().setAppName("pocketsim");
        if (master != null) conf.setMaster(master);
        conf.setIfMissing("spark.master", "local[*]");
        conf.setIfMissing("spark.ui.enabled", "false");
        JavaSparkContext context = new JavaSparkContext(conf);
        context.setLogLevel("WARN");
        SparkPointExecutor executor = new SparkPointExecutor(context, true);
        Thread warmUp = new Thread(executor::warmUp, "pocketsim-spark-warm-up");
        warmUp.setDaemon(true);
        executor.warmingUp = warmUp;
        warmUp.start();
        return executor;
    }

    /**
     * Runs a job on the path a sweep takes, with points and results of a sweep's shape and size
     * but not the sweep's (made up here), and a sink that keeps nothing: points shipped with a
     * {@link RemotePointWork}, run per partition, each answered as JSON and read back into a bean
     * by the handler on the driver. Spark's first job in a JVM, and the first thousands of points
     * through Jackson's writers and readers, cost over a second of class loading and compiling
     * (Spark's scheduler, task serialisation, closure cleaning, JSON of numbers); started by
     * {@link #start} (which {@code pocketsim run} calls on a background thread) they cost that while the
     * driver prepares the points, not in the sweep, as far as the driver takes long enough (on a
     * 2-core machine the context's start alone takes about as long; see README, Overhead). It
     * reads and writes no file and touches no store.
     *
     * <p>It runs on a thread of its own, so the context is handed over as soon as it is up; a
     * sweep's job waits for it to end (not to compete with it for the cores), and
     * {@link #close()} stops the context, which cancels it, so a command that fails before its
     * sweep does not wait for a cluster that has no executor yet. Its own failure is dropped: a
     * context that cannot run a job fails the sweep's job with Spark's message.
     */
    private void warmUp() {
        List<SweepPoint> points = new ArrayList<>();
        for (int i = 0; i < WARM_UP_POINTS; i++) points.add(WarmUpWork.point(i));
        try {
            run(points, new PointWork<>(WarmUpResult.class, p -> {
                throw new IllegalStateException("the warm-up runs on Spark only");
            }, new WarmUpWork()), new PointSink<>() {
                @Override
                public void finished(SweepPoint point, WarmUpResult result) {
                }

                @Override
                public void failed(SweepPoint point, String message, boolean configError) {
                }
            });
        } catch (Exception e) { // SparkException (checked): cancelled by close(), or the context cannot run a job (see above)
        }
    }

    /** A warm-up point's result: a sweep result's shape (named numbers, series, notes). */
    record WarmUpResult(int index, String pointId, java.util.Map<String, String> parameters, java.util.Map<String, Double> metrics,
                        java.util.Map<String, List<Double>> series, List<String> notes) {
    }

    /** The warm-up's work: answers a made-up result of the point, written as JSON like a sweep's. */
    static final class WarmUpWork implements RemotePointWork {
        private static final long serialVersionUID = 1L;
        private static final int FIELDS = 20;

        /** A point like a sweep's: a run tree of a dozen fields, four swept values. */
        static SweepPoint point(int i) {
            com.fasterxml.jackson.databind.node.ObjectNode run = JSON.createObjectNode();
            java.util.Map<String, String> parameters = new java.util.LinkedHashMap<>();
            java.util.Map<String, String> paths = new java.util.LinkedHashMap<>();
            for (int k = 0; k < 12; k++) {
                if (k % 3 == 0) run.put("field" + k, i * 31 + k);
                else run.put("field" + k, "value-" + (i + k));
                if (k < 4) {
                    parameters.put("run.field" + k, run.get("field" + k).asText());
                    paths.put("run.field" + k, "sweep.axes.run.field" + k + "[" + i + "]");
                }
            }
            return new SweepPoint(i, parameters, run, i, String.format("%064x", i), paths);
        }

        @Override
        public String run(SweepPoint point) {
            java.util.Map<String, Double> metrics = new java.util.LinkedHashMap<>();
            for (int k = 0; k < FIELDS; k++) metrics.put("metric" + k, Math.sqrt(point.index() + k) * 1e3 / (k + 1));
            WarmUpResult result = new WarmUpResult(point.index(), point.hash().substring(0, 16), point.parameters(), metrics,
                    java.util.Map.of(), List.of());
            try {
                return JSON.writeValueAsString(result);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Override
    public <R> void run(List<SweepPoint> points, PointWork<R> work, PointSink<R> sink) {
        if (points.isEmpty()) return;
        RemotePointWork remote = work.remote();
        if (remote == null) throw new IllegalArgumentException("this sweep's points can only run in this JVM, not on Spark");
        awaitWarmUp();
        List<Positioned> shipped = new ArrayList<>(points.size());
        for (int i = 0; i < points.size(); i++) shipped.add(new Positioned(i, points.get(i)));
        int partitions = Math.min(points.size(), context.defaultParallelism() * PARTITIONS_PER_CORE);
        JavaRDD<Positioned> rdd = context.parallelize(shipped, partitions);
        PartitionHandler<R> handler = new PartitionHandler<>(points, work.type(), sink);
        context.sc().runJob(rdd.rdd(), new RunPartition(remote), handler, scala.reflect.ClassTag$.MODULE$.apply(ArrayList.class));
    }

    /** The warm-up job's thread while a sweep has not waited for it (for tests); null after, or on a caller's context. */
    Thread warmUpThread() {
        return warmingUp;
    }

    private void awaitWarmUp() {
        Thread t = warmingUp;
        if (t == null || t == Thread.currentThread()) return;
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while Spark warmed up", e);
        }
        warmingUp = null;
    }

    @Override
    public void close() {
        if (owned) context.stop();
    }

    /** A point with its position in the list the driver handed over, so its reply finds the driver's object. */
    record Positioned(int position, SweepPoint point) implements java.io.Serializable {
    }

    /** A point's answer: its result as JSON, or its failure. */
    record Reply(int position, String json, String failure, boolean configError) implements java.io.Serializable {
    }

    /** Runs on an executor: every point of one partition, each failure caught and answered. */
    static final class RunPartition extends scala.runtime.AbstractFunction1<scala.collection.Iterator<Positioned>, ArrayList<Reply>>
            implements java.io.Serializable {
        private static final long serialVersionUID = 1L;
        private final RemotePointWork work;

        RunPartition(RemotePointWork work) {
            this.work = work;
        }

        @Override
        public ArrayList<Reply> apply(scala.collection.Iterator<Positioned> points) {
            ArrayList<Reply> replies = new ArrayList<>();
            while (points.hasNext()) {
                Positioned p = points.next();
                try {
                    replies.add(new Reply(p.position(), work.run(p.point()), null, false));
                } catch (RuntimeException e) {
                    replies.add(new Reply(p.position(), null, PointSink.message(e), e instanceof org.pocketsim.hw.config.ConfigException));
                }
            }
            return replies;
        }
    }

    /** Runs on the driver as each partition comes back: reads each result and reports it. */
    static final class PartitionHandler<R> extends scala.runtime.AbstractFunction2<Object, ArrayList<Reply>, scala.runtime.BoxedUnit> {
        private final List<SweepPoint> points;
        private final Class<R> type;
        private final PointSink<R> sink;

        PartitionHandler(List<SweepPoint> points, Class<R> type, PointSink<R> sink) {
            this.points = points;
            this.type = type;
            this.sink = sink;
        }

        @Override
        public scala.runtime.BoxedUnit apply(Object partition, ArrayList<Reply> replies) {
            for (Reply r : replies) {
                SweepPoint point = points.get(r.position());
                if (r.failure() != null) {
                    sink.failed(point, r.failure(), r.configError());
                    continue;
                }
                R result;
                try {
                    result = JSON.readValue(r.json(), type);
                } catch (IOException e) {
                    sink.failed(point, "its result does not read back: " + e.getMessage(), false);
                    continue;
                }
                sink.finished(point, result);
            }
            return scala.runtime.BoxedUnit.UNIT;
        }
    }
}

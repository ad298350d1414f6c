package org.pocketsim.spark;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;

import java.util.ArrayList;
import java.util.List;

/**
 * What Spark costs before any PocketSim work: starts a context on {@code MASTER} (default
 * {@code local[2]}) as {@link SparkPointExecutor#start} does, runs one trivial job (2,000 integers
 * doubled in 8 partitions, a sweep's partitioning on two cores) and stops the context, printing
 * the three times. {@code tools/spark-overhead-bench.sh} runs it in a JVM of its own beside the
 * two executors, so the floor an executor built on Spark cannot go under is measured on the same
 * machine and at the same load as the commands it is held against.
 * Usage: {@code java -cp JOB_JAR:SPARK_JARS org.pocketsim.spark.SparkFloor [MASTER]}.
 */
public final class SparkFloor {

    private SparkFloor() {
    }

    public static void main(String[] args) {
        String master = args.length > 0 ? args[0] : "local[2]";
        long start = System.nanoTime();
        SparkConf conf = new SparkConf().setAppName("pocketsim-floor").setMaster(master).set("spark.ui.enabled", "false");
        JavaSparkContext context = new JavaSparkContext(conf);
        context.setLogLevel("WARN");
        long started = System.nanoTime();
        List<Integer> values = new ArrayList<>();
        for (int i = 0; i < 2000; i++) values.add(i);
        long count = context.parallelize(values, 8).map(v -> v * 2).count();
        long ran = System.nanoTime();
        context.stop();   // timed, so stopped here rather than by a try-with-resources close
        long stopped = System.nanoTime();
        System.out.printf("context %.2f s, first job %.2f s (%d values), stop %.2f s%n",
                (started - start) / 1e9, (ran - started) / 1e9, count, (stopped - ran) / 1e9);
    }
}

package org.pocketsim.bench.engine;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Scheduler throughput on the hold model ({@link HoldModel}) with 1k and 100k pending events.
 * The score is fired events per second (one op = one event: pop, fire, schedule).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class HoldModelBenchmark {

    private static final int EVENTS_PER_INVOCATION = 10_000;

    @Param({"1000", "100000"})
    public int population;

    private HoldModel model;

    @Setup
    public void setUp() {
        model = new HoldModel(population, 1);
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS_PER_INVOCATION)
    public long holdEvents() {
        return model.fire(EVENTS_PER_INVOCATION);
    }
}

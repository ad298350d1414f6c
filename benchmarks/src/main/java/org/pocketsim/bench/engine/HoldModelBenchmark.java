package org.pocketsim.bench.engine;

import java.util.SplittableRandom;
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
import org.pocketsim.engine.core.EventHandler;
import org.pocketsim.engine.core.RandomStreams;
import org.pocketsim.engine.core.Scheduler;

/**
 * Classic hold model: a steady population of pending events; each fired event schedules one
 * new event at now + an exponentially distributed increment (mean 1 us), drawn from a seeded
 * stream. The score is in fired events per second (one op = one event: pop, fire, schedule).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class HoldModelBenchmark {

    private static final int EVENTS_PER_INVOCATION = 10_000;
    private static final double MEAN_INCREMENT_PS = 1_000_000.0;

    @Param({"1000", "100000"})
    public int population;

    private Scheduler scheduler;
    private SplittableRandom random;
    private EventHandler hold;

    @Setup
    public void setUp() {
        scheduler = new Scheduler();
        random = new RandomStreams(1).stream("hold");
        hold = payload -> scheduler.scheduleAfter(nextIncrementPs(), 0, this.hold, payload);
        for (int i = 0; i < population; i++) {
            scheduler.scheduleAfter(nextIncrementPs(), 0, hold, i);
        }
    }

    private long nextIncrementPs() {
        return (long) (-MEAN_INCREMENT_PS * Math.log(1.0 - random.nextDouble()));
    }

    /** Fires 10,000 events; each schedules its successor, so the population stays constant. */
    @Benchmark
    @OperationsPerInvocation(EVENTS_PER_INVOCATION)
    public long holdEvents() {
        Scheduler s = scheduler;
        for (int i = 0; i < EVENTS_PER_INVOCATION; i++) {
            s.step();
        }
        return s.nowPs();
    }
}

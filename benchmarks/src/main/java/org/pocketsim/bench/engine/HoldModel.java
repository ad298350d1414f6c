package org.pocketsim.bench.engine;

import java.util.SplittableRandom;
import org.pocketsim.engine.core.EventHandler;
import org.pocketsim.engine.core.RandomStreams;
import org.pocketsim.engine.core.Scheduler;

/**
 * The classic hold model: a steady population of pending events; each fired event schedules
 * one new event at now + an exponentially distributed increment (mean 1 us) from a seeded
 * stream, so the population stays constant.
 */
final class HoldModel {

    private static final double MEAN_INCREMENT_PS = 1_000_000.0;

    private final Scheduler scheduler = new Scheduler();
    private final SplittableRandom random;
    private final EventHandler hold;

    HoldModel(int population, long seed) {
        random = new RandomStreams(seed).stream("hold");
        hold = this::reschedule;
        for (int i = 0; i < population; i++) {
            scheduler.scheduleAfter(nextIncrementPs(), 0, hold, i);
        }
    }

    /** Fires {@code events} events; returns the simulated time reached. */
    long fire(int events) {
        Scheduler s = scheduler;
        for (int i = 0; i < events; i++) {
            s.step();
        }
        return s.nowPs();
    }

    private void reschedule(int payload) {
        scheduler.scheduleAfter(nextIncrementPs(), 0, hold, payload);
    }

    private long nextIncrementPs() {
        return (long) (-MEAN_INCREMENT_PS * Math.log(1.0 - random.nextDouble()));
    }
}

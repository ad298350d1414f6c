package org.pocketsim.engine.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.pocketsim.engine.channel.Channel;
import org.pocketsim.engine.channel.SharedChannel;
import org.pocketsim.engine.stats.StatsRegistry;

/**
 * A small closed system: four requesters alternate random think times with random-sized reads
 * on a shared processor-sharing bus, all randomness from the run's named streams. The event
 * log must be identical for one seed and differ between seeds.
 */
class DeterminismTest {

    @Test
    void theSameSeedGivesAnIdenticalEventLog() {
        RecordingEventLog first = simulate(2024);
        RecordingEventLog second = simulate(2024);
        assertThat(first.size()).isGreaterThan(400);
        assertThat(first.sameAs(second)).as("logs of two runs with seed 2024").isTrue();
        assertThat(first.toString()).isEqualTo(second.toString());
    }

    @Test
    void differentSeedsGiveDifferentEventLogs() {
        assertThat(simulate(2024).sameAs(simulate(2025))).isFalse();
    }

    private static RecordingEventLog simulate(long seed) {
        Scheduler scheduler = new Scheduler();
        RecordingEventLog log = new RecordingEventLog();
        scheduler.setEventLog(log);
        RandomStreams streams = new RandomStreams(seed);
        Channel bus = SharedChannel.processorSharing(scheduler, new StatsRegistry(), "bus", 1e9, 50_000);
        for (int requester = 0; requester < 4; requester++) {
            new Requester(scheduler, bus, streams.stream("requester" + requester), requester).thinkThenRead();
        }
        scheduler.runUntil(2_000_000_000L);
        return log;
    }

    /** Thinks for a random time, reads a random number of bytes, repeats. */
    private static final class Requester {

        private final Scheduler scheduler;
        private final Channel bus;
        private final SplittableRandom random;
        private final int id;

        Requester(Scheduler scheduler, Channel bus, SplittableRandom random, int id) {
            this.scheduler = scheduler;
            this.bus = bus;
            this.random = random;
            this.id = id;
        }

        void thinkThenRead() {
            scheduler.scheduleAfter(random.nextLong(1_000_000, 5_000_000), 3, payload -> read(), id);
        }

        private void read() {
            bus.submit(random.nextLong(1_000, 20_000), tag -> thinkThenRead(), id);
        }
    }
}

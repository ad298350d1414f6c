package org.pocketsim.engine.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class SchedulerTest {

    private final Scheduler scheduler = new Scheduler();
    private final List<Integer> fired = new ArrayList<>();
    private final EventHandler record = fired::add;

    @Test
    void eventsFireInTimeOrderAndNowFollowsThem() {
        List<Long> times = new ArrayList<>();
        EventHandler atTime = payload -> times.add(scheduler.nowPs());
        scheduler.scheduleAt(300, 0, atTime, 0);
        scheduler.scheduleAt(100, 0, atTime, 0);
        scheduler.scheduleAt(200, 0, atTime, 0);
        scheduler.run();
        assertThat(times).containsExactly(100L, 200L, 300L);
        assertThat(scheduler.nowPs()).isEqualTo(300);
        assertThat(scheduler.firedCount()).isEqualTo(3);
    }

    @Test
    void tiesAtTheSameTimeAreOrderedByPhaseThenBySchedulingSequence() {
        scheduler.scheduleAt(50, 2, record, 1);
        scheduler.scheduleAt(50, 1, record, 2);
        scheduler.scheduleAt(50, 2, record, 3);
        scheduler.scheduleAt(50, 0, record, 4);
        scheduler.scheduleAt(50, 1, record, 5);
        scheduler.scheduleAt(40, 9, record, 6);
        scheduler.run();
        assertThat(fired).containsExactly(6, 4, 2, 5, 1, 3);
    }

    @Test
    void cancelledEventsNeverFireAndStaleHandlesAreRejected() {
        long first = scheduler.scheduleAt(10, 0, record, 1);
        long second = scheduler.scheduleAt(20, 0, record, 2);
        scheduler.scheduleAt(30, 0, record, 3);
        assertThat(scheduler.cancel(second)).isTrue();
        assertThat(scheduler.cancel(second)).isFalse();
        assertThat(scheduler.pendingCount()).isEqualTo(2);
        scheduler.run();
        assertThat(fired).containsExactly(1, 3);
        assertThat(scheduler.cancel(first)).isFalse();
    }

    @Test
    void aReusedSlotDoesNotHonourTheOldHandle() {
        long old = scheduler.scheduleAt(10, 0, record, 1);
        scheduler.run();
        long reused = scheduler.scheduleAt(20, 0, record, 2);
        assertThat((int) reused).isEqualTo((int) old);
        assertThat(scheduler.cancel(old)).isFalse();
        scheduler.run();
        assertThat(fired).containsExactly(1, 2);
    }

    @Test
    void handlersMayScheduleAndCancelWhileFiring() {
        long[] victim = new long[1];
        EventHandler chain = payload -> {
            fired.add(payload);
            if (payload == 1) {
                scheduler.scheduleAfter(5, 0, record, 2);
                scheduler.cancel(victim[0]);
            }
        };
        scheduler.scheduleAt(10, 0, chain, 1);
        victim[0] = scheduler.scheduleAt(12, 0, record, 99);
        scheduler.run();
        assertThat(fired).containsExactly(1, 2);
        assertThat(scheduler.nowPs()).isEqualTo(15);
    }

    @Test
    void runUntilFiresEventsUpToTheEndInclusiveAndAdvancesNow() {
        scheduler.scheduleAt(100, 0, record, 1);
        scheduler.scheduleAt(200, 0, record, 2);
        scheduler.scheduleAt(201, 0, record, 3);
        scheduler.runUntil(200);
        assertThat(fired).containsExactly(1, 2);
        assertThat(scheduler.nowPs()).isEqualTo(200);
        assertThat(scheduler.pendingCount()).isEqualTo(1);
    }

    @Test
    void afterRunUntilStopsEventsMayBeScheduledBeforeThePendingOnes() {
        scheduler.scheduleAt(1_000, 0, record, 1);
        scheduler.scheduleAt(1_024, 0, record, 2);
        scheduler.runUntil(500);
        scheduler.scheduleAt(600, 0, record, 3);
        scheduler.scheduleAt(500, 0, record, 4);
        scheduler.run();
        assertThat(fired).containsExactly(4, 3, 1, 2);
    }

    @Test
    void farApartAndEqualTimesFireInTotalOrder() {
        long far = 1L << 62;
        scheduler.scheduleAt(far, 1, record, 1);
        scheduler.scheduleAt(1L << 40, 0, record, 2);
        scheduler.scheduleAt(far, 0, record, 3);
        scheduler.scheduleAt(3, 0, record, 4);
        scheduler.scheduleAt(0, 0, record, 5);
        scheduler.scheduleAt(far - 1, 7, record, 6);
        scheduler.run();
        assertThat(fired).containsExactly(5, 4, 2, 6, 3, 1);
        assertThat(scheduler.nowPs()).isEqualTo(far);
    }

    @Test
    void largePopulationsFireInTotalOrder() {
        SplittableRandom random = new SplittableRandom(99);
        for (int i = 0; i < 20_000; i++) {
            scheduler.scheduleAt(random.nextLong(1L << 40), random.nextInt(2), record, i);
        }
        long[] last = {-1, -1};
        List<Long> times = new ArrayList<>();
        scheduler.setEventLog((timePs, phase, sequence, payload) -> {
            boolean ordered = timePs > last[0] || (timePs == last[0] && phase >= last[1]);
            assertThat(ordered).as("event at %d phase %d after %d phase %d", timePs, phase, last[0], last[1]).isTrue();
            last[0] = timePs;
            last[1] = phase;
            times.add(timePs);
        });
        scheduler.run();
        assertThat(times).hasSize(20_000).isSorted();
    }

    @Test
    void schedulingInThePastOrWithABadPhaseIsRejected() {
        scheduler.scheduleAt(100, 0, record, 1);
        scheduler.run();
        assertThatThrownBy(() -> scheduler.scheduleAt(99, 0, record, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("before now");
        assertThatThrownBy(() -> scheduler.scheduleAt(100, -1, record, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("phase");
        assertThatThrownBy(() -> scheduler.scheduleAfter(-1, 0, record, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("negative delay");
        assertThatThrownBy(() -> scheduler.scheduleAfter(Long.MAX_VALUE - 50, 0, record, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("end of simulated time");
    }

    @Test
    void randomScheduleAndCancelMatchesASortedReference() {
        SplittableRandom random = new SplittableRandom(7);
        TreeSet<long[]> reference = new TreeSet<>((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0])
                : a[1] != b[1] ? Long.compare(a[1], b[1]) : Long.compare(a[2], b[2]));
        List<long[]> live = new ArrayList<>();
        List<Long> handles = new ArrayList<>();
        List<Integer> expected = new ArrayList<>();
        long sequence = 0;
        for (int i = 0; i < 5000; i++) {
            int action = random.nextInt(10);
            if (action < 6 || reference.isEmpty()) {
                long time = scheduler.nowPs() + random.nextInt(1000);
                int phase = random.nextInt(3);
                long[] event = {time, phase, sequence++, i};
                reference.add(event);
                live.add(event);
                handles.add(scheduler.scheduleAt(time, phase, record, i));
            } else if (action < 8) {
                int pick = random.nextInt(live.size());
                boolean pending = reference.remove(live.get(pick));
                assertThat(scheduler.cancel(handles.get(pick))).isEqualTo(pending);
            } else {
                long[] next = reference.pollFirst();
                expected.add((int) next[3]);
                assertThat(scheduler.step()).isTrue();
                assertThat(scheduler.nowPs()).isEqualTo(next[0]);
            }
        }
        while (!reference.isEmpty()) {
            expected.add((int) reference.pollFirst()[3]);
        }
        scheduler.run();
        assertThat(fired).isEqualTo(expected);
    }
}

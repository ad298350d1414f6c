package org.pocketsim.engine.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class RadixEventQueueTest {

    private static final Comparator<long[]> TIME_THEN_ORDER =
            Comparator.<long[]>comparingLong(e -> e[0]).thenComparingLong(e -> e[1]);

    private final RadixEventQueue queue = new RadixEventQueue();
    private final TreeSet<long[]> reference = new TreeSet<>(TIME_THEN_ORDER);
    private long order;

    @Test
    void entriesSpreadOverEveryScaleComeOutInTimeThenOrder() {
        SplittableRandom random = new SplittableRandom(11);
        long nowPs = 0;
        for (int i = 0; i < 200_000; i++) {
            if (random.nextInt(100) < 52 || reference.isEmpty()) {
                long delay = random.nextInt(8) == 0 ? 0 : random.nextLong(1L << random.nextInt(1, 40));
                add(nowPs + delay);
            } else {
                nowPs = removeAndCheck(Long.MAX_VALUE);
            }
        }
        while (!reference.isEmpty()) {
            removeAndCheck(Long.MAX_VALUE);
        }
        assertThat(queue.size()).isZero();
        assertThat(queue.minTimeAtMost(Long.MAX_VALUE)).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void aBoundBelowTheEarliestEntryChangesNothingAndEarlierEntriesMayStillBeAdded() {
        add(1_000_000);
        add(1_000_500);
        assertThat(queue.minTimeAtMost(999_999)).isEqualTo(Long.MAX_VALUE);
        add(999_999);
        add(1_000_000);
        assertThat(removeAndCheck(999_999)).isEqualTo(999_999);
        assertThat(queue.minTimeAtMost(999_999)).isEqualTo(Long.MAX_VALUE);
        assertThat(removeAndCheck(Long.MAX_VALUE)).isEqualTo(1_000_000);
        assertThat(removeAndCheck(Long.MAX_VALUE)).isEqualTo(1_000_000);
        assertThat(removeAndCheck(Long.MAX_VALUE)).isEqualTo(1_000_500);
    }

    @Test
    void timesNearTheEndOfSimulatedTimeKeepTheirOrder() {
        long top = Long.MAX_VALUE - 1;
        add(top);
        add(top - 1);
        add(1L << 62);
        add((1L << 62) + (1L << 61));
        add(7);
        for (int i = 0; i < 100; i++) {
            add(top - 3 - i);
        }
        long last = -1;
        while (!reference.isEmpty()) {
            long timePs = removeAndCheck(Long.MAX_VALUE);
            assertThat(timePs).isGreaterThanOrEqualTo(last);
            last = timePs;
        }
        assertThat(last).isEqualTo(top);
    }

    private void add(long timePs) {
        long[] entry = {timePs, order, order * 31};
        order++;
        reference.add(entry);
        queue.add(timePs, entry[1], entry[2]);
    }

    /** Removes the earliest entry and checks it is the reference's first; returns its time. */
    private long removeAndCheck(long boundPs) {
        long[] expected = reference.pollFirst();
        assertThat(queue.minTimeAtMost(boundPs)).isEqualTo(expected[0]);
        assertThat(queue.removeMin()).isEqualTo(expected[2]);
        assertThat(queue.removedOrder()).isEqualTo(expected[1]);
        return expected[0];
    }
}

package org.pocketsim.engine.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pocketsim.engine.core.Scheduler;
import org.pocketsim.engine.stats.StatsRegistry;

class SharedChannelTest {

    /** 1 GB/s: one byte takes exactly 1000 ps. */
    private static final double ONE_GB_PER_S = 1e9;

    private final Scheduler scheduler = new Scheduler();
    private final StatsRegistry stats = new StatsRegistry();
    private final List<long[]> completions = new ArrayList<>();
    private final TransferListener record = tag -> completions.add(new long[] {tag, scheduler.nowPs()});

    @Test
    void anUnloadedTransferTakesLatencyPlusBytesOverBandwidth() {
        Channel channel = SharedChannel.fifo(scheduler, stats, "dram", ONE_GB_PER_S, 100_000);
        channel.submit(1_000_000, record, 7);
        scheduler.run();
        assertThat(completions).containsExactly(new long[] {7, 100_000 + 1_000_000_000L});
    }

    @Test
    void fifoSerialisesTransfersInSubmissionOrder() {
        Channel channel = SharedChannel.fifo(scheduler, stats, "bus", ONE_GB_PER_S, 0);
        channel.submit(500, record, 1);
        channel.submit(1000, record, 2);
        assertThat(channel.outstanding()).isEqualTo(2);
        scheduler.run();
        assertThat(completions).containsExactly(new long[] {1, 500_000}, new long[] {2, 1_500_000});
        assertThat(channel.outstanding()).isZero();
    }

    @Test
    void twoConcurrentStreamsOnAProcessorSharingChannelEachGetHalfTheBandwidth() {
        Channel channel = SharedChannel.processorSharing(scheduler, stats, "bus", ONE_GB_PER_S, 0);
        channel.submit(1000, record, 1);
        channel.submit(1000, record, 2);
        scheduler.run();
        assertThat(completions).containsExactly(new long[] {1, 2_000_000}, new long[] {2, 2_000_000});
    }

    @Test
    void finishTimesAreRecomputedWhenATransferJoinsMidway() {
        Channel channel = SharedChannel.processorSharing(scheduler, stats, "bus", ONE_GB_PER_S, 0);
        channel.submit(1000, record, 1);
        scheduler.scheduleAt(500_000, 5, payload -> channel.submit(1000, record, 2), 0);
        scheduler.run();
        // A has 500 B left at 0.5 us and then runs at half rate: done at 1.5 us; B has 500 B left then.
        assertThat(completions).containsExactly(new long[] {1, 1_500_000}, new long[] {2, 2_000_000});
    }

    @Test
    void streamingManyRequestsHidesLatencyAndReachesTheFullBandwidth() {
        double bandwidth = 4.096e9;
        Channel channel = SharedChannel.fifo(scheduler, stats, "flash", bandwidth, 100_000);
        for (int i = 0; i < 100; i++) {
            channel.submit(4096, record, i);
        }
        scheduler.run();
        long lastPs = completions.get(99)[1];
        assertThat(lastPs).isEqualTo(100_000 + 100 * 1_000_000L);
        assertThat(100 * 4096 * 1e12 / (lastPs - channel.latencyPs())).isEqualTo(bandwidth);
    }

    @Test
    void transfersBeyondMaxInServiceWaitInFifoOrder() {
        Channel channel = new SharedChannel(scheduler, stats, "flash", ONE_GB_PER_S, 0, 2);
        channel.submit(1000, record, 1);
        channel.submit(1000, record, 2);
        channel.submit(1000, record, 3);
        scheduler.run();
        assertThat(completions).containsExactly(
                new long[] {1, 2_000_000}, new long[] {2, 2_000_000}, new long[] {3, 3_000_000});
    }

    @Test
    void aCommandQueueOfDepthOnePaysTheLatencyOncePerTransfer() {
        Channel channel = new SharedChannel(scheduler, stats, "flash", ONE_GB_PER_S, 100_000, 1, 1);
        for (int i = 1; i <= 3; i++) {
            channel.submit(1000, record, i);
        }
        scheduler.run();
        assertThat(completions).containsExactly(
                new long[] {1, 1_100_000}, new long[] {2, 2_200_000}, new long[] {3, 3_300_000});
    }

    @Test
    void aDeeperCommandQueueOverlapsLatencyWithEarlierTransfers() {
        Channel channel = new SharedChannel(scheduler, stats, "flash", ONE_GB_PER_S, 100_000, 1, 2);
        for (int i = 1; i <= 3; i++) {
            channel.submit(1000, record, i);
        }
        scheduler.run();
        // 3 enters the queue when 1 completes (1.1 us), arrives at 1.2 us and waits for 2.
        assertThat(completions).containsExactly(
                new long[] {1, 1_100_000}, new long[] {2, 2_100_000}, new long[] {3, 3_100_000});
    }

    @Test
    void explicitServiceDemandOverridesTheBandwidth() {
        Channel channel = SharedChannel.processorSharing(scheduler, stats, "flash", ONE_GB_PER_S, 0);
        channel.submitService(3_000, 1_000_000, record, 1);
        scheduler.run();
        assertThat(completions).containsExactly(new long[] {1, 3_000});
    }

    @Test
    void listenersMaySubmitFollowUpTransfersOnCompletion() {
        Channel channel = SharedChannel.fifo(scheduler, stats, "bus", ONE_GB_PER_S, 0);
        TransferListener[] chain = new TransferListener[1];
        chain[0] = tag -> {
            completions.add(new long[] {tag, scheduler.nowPs()});
            if (tag < 3) {
                channel.submit(100, chain[0], tag + 1);
            }
        };
        channel.submit(100, chain[0], 1);
        scheduler.run();
        assertThat(completions).containsExactly(
                new long[] {1, 100_000}, new long[] {2, 200_000}, new long[] {3, 300_000});
    }

    @Test
    void statisticsCountRequestsBytesUtilisationAndLatency() {
        Channel channel = SharedChannel.fifo(scheduler, stats, "dram", ONE_GB_PER_S, 0);
        channel.submit(1000, record, 1);
        scheduler.scheduleAt(3_000_000, 0, payload -> channel.submit(1000, record, 2), 0);
        scheduler.run();
        Map<String, Double> snapshot = stats.snapshot(4_000_000);
        assertThat(snapshot.get("dram.requests")).isEqualTo(2.0);
        assertThat(snapshot.get("dram.bytes")).isEqualTo(2000.0);
        assertThat(snapshot.get("dram.utilisation.mean")).isCloseTo(0.5, within(1e-12));
        assertThat(snapshot.get("dram.latencyPs.mean")).isEqualTo(1_000_000.0);
    }

    @Test
    void badParametersAreRejectedWithTheChannelName() {
        assertThatThrownBy(() -> SharedChannel.fifo(scheduler, stats, "dram", 0.0, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'dram'").hasMessageContaining("bandwidth");
        assertThatThrownBy(() -> SharedChannel.fifo(scheduler, stats, "flash", 1e9, -1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'flash'").hasMessageContaining("latency");
    }
}

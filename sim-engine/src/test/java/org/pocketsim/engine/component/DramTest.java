package org.pocketsim.engine.component;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pocketsim.engine.channel.TransferListener;
import org.pocketsim.engine.core.Scheduler;
import org.pocketsim.engine.stats.StatsRegistry;

/** DRAM at the DIP reference phone's 60 GB/s; the 100 ns latency is a test parameter. */
class DramTest {

    private static final double BYTES_PER_SECOND = 60e9;
    private static final long LATENCY_PS = 100_000;

    private final Scheduler scheduler = new Scheduler();
    private final StatsRegistry stats = new StatsRegistry();
    private final Dram dram = new Dram(scheduler, stats, "dram", 12_000_000_000L, BYTES_PER_SECOND, LATENCY_PS);
    private final List<long[]> done = new ArrayList<>();
    private final TransferListener record = tag -> done.add(new long[] {tag, scheduler.nowPs()});

    @Test
    void anUnloadedTransferTakesLatencyPlusBytesOverBandwidth() {
        // 1 MB / 60 GB/s = 16,666,666.7 ps, rounded up
        assertThat(dram.unloadedTransferPs(1_000_000)).isEqualTo(LATENCY_PS + 16_666_667);
        dram.transfer(1_000_000, record, 1);
        scheduler.run();
        assertThat(done).containsExactly(new long[] {1, LATENCY_PS + 16_666_667});
    }

    @Test
    void aLongStreamRunsAtTheFullBandwidth() {
        for (int i = 0; i < 1000; i++) {
            dram.transfer(60_000, record, i);
        }
        scheduler.run();
        // 60 MB at 60 GB/s = 1 ms after the latency
        assertThat(done.get(999)[1]).isEqualTo(LATENCY_PS + 1_000_000_000L);
    }

    @Test
    void twoRequestersStreamingTogetherEachGetHalfTheBandwidth() {
        dram.transfer(1_000_000, record, 1);
        dram.transfer(1_000_000, record, 2);
        scheduler.run();
        assertThat(done).containsExactly(new long[] {1, LATENCY_PS + 33_333_334}, new long[] {2, LATENCY_PS + 33_333_334});
    }

    @Test
    void aNonPositiveCapacityIsRejected() {
        assertThatThrownBy(() -> new Dram(scheduler, stats, "dram2", 0, BYTES_PER_SECOND, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'dram2'");
    }
}

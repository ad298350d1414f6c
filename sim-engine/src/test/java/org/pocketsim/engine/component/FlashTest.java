package org.pocketsim.engine.component;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pocketsim.engine.channel.TransferListener;
import org.pocketsim.engine.core.Scheduler;
import org.pocketsim.engine.stats.StatsRegistry;

class FlashTest {

    private final Scheduler scheduler = new Scheduler();
    private final StatsRegistry stats = new StatsRegistry();
    private final List<Long> donePs = new ArrayList<>();
    private final TransferListener record = tag -> donePs.add(scheduler.nowPs());
    private final BandwidthCurve sequential = new BandwidthCurve(
            new long[] {4096, 16384, 65536}, new double[] {1e9, 2e9, 3e9});
    private final BandwidthCurve random = BandwidthCurve.flat(0.5e9);

    @Test
    void anUnloadedReadTakesLatencyPlusSizeOverTheCurveBandwidth() {
        Flash flash = new Flash(scheduler, stats, "flash", sequential, random, 100_000, 32);
        assertThat(flash.unloadedReadPs(4096, ReadPattern.SEQUENTIAL)).isEqualTo(100_000 + 4_096_000);
        flash.read(4096, ReadPattern.SEQUENTIAL, record, 0);
        scheduler.run();
        assertThat(donePs).containsExactly(4_196_000L);
    }

    @Test
    void randomReadsUseTheRandomCurve() {
        Flash flash = new Flash(scheduler, stats, "flash", sequential, random, 0, 1);
        flash.read(4096, ReadPattern.RANDOM, record, 0);
        scheduler.run();
        assertThat(donePs).containsExactly(8_192_000L);
    }

    @Test
    void aDeepQueueStreamsAtTheCurveBandwidthOfTheRequestSize() {
        Flash flash = new Flash(scheduler, stats, "flash", sequential, random, 100_000, 32);
        for (int i = 0; i < 100; i++) {
            flash.read(65_536, ReadPattern.SEQUENTIAL, record, i);
        }
        scheduler.run();
        long transferPs = flash.transferPs(65_536, ReadPattern.SEQUENTIAL);
        assertThat(transferPs).isEqualTo(21_845_334);
        assertThat(donePs.get(99)).isEqualTo(100_000 + 100 * transferPs);
        assertThat(flash.streamingBytesPerSecond(65_536, ReadPattern.SEQUENTIAL)).isEqualTo(3e9);
    }

    @Test
    void queueDepthOnePaysTheLatencyOnEveryReadAsTheFormulaSays() {
        Flash flash = new Flash(scheduler, stats, "flash", sequential, random, 1_000_000, 1);
        for (int i = 0; i < 10; i++) {
            flash.read(4096, ReadPattern.SEQUENTIAL, record, i);
        }
        scheduler.run();
        assertThat(donePs.get(9)).isEqualTo(10 * 5_096_000L);
        double measured = 10 * 4096 * 1e12 / donePs.get(9);
        assertThat(flash.streamingBytesPerSecond(4096, ReadPattern.SEQUENTIAL)).isEqualTo(measured);
    }
}

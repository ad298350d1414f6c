package org.pocketsim.engine.component;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pocketsim.engine.channel.TransferListener;
import org.pocketsim.engine.core.Scheduler;
import org.pocketsim.engine.stats.StatsRegistry;

/** NPU and CPU times for N MACs = N / (rate x clock x utilisation); figures are test parameters. */
class ComputeUnitTest {

    private final Scheduler scheduler = new Scheduler();
    private final StatsRegistry stats = new StatsRegistry();
    private final List<Long> donePs = new ArrayList<>();
    private final TransferListener record = tag -> donePs.add(scheduler.nowPs());
    private final Npu npu = new Npu(scheduler, stats, "npu", 1e9, Map.of("int8", 4096L, "fp16", 1024L), 0.8, 0.5);

    @Test
    void npuTimeIsMacsOverMacsPerCycleTimesClockTimesStageUtilisation() {
        // decode: 1e9 / (4096 x 1e9 x 0.5) s = 488.28125 us
        assertThat(npu.computePs(1_000_000_000L, "int8", Stage.DECODE)).isEqualTo(488_281_250L);
        // prefill: 1e9 / (4096 x 1e9 x 0.8) s = 305.17578125 us, rounded up to whole ps
        assertThat(npu.computePs(1_000_000_000L, "int8", Stage.PREFILL)).isEqualTo(305_175_782L);
        assertThat(npu.computePs(1_000_000_000L, "fp16", Stage.DECODE)).isEqualTo(1_953_125_000L);
    }

    @Test
    void npuJobsQueueInOrderAndTheirMacsAreCountedPerFormat() {
        npu.compute(2_048_000, "int8", Stage.DECODE, record, 1);
        npu.compute(512_000, "fp16", Stage.DECODE, record, 2);
        scheduler.run();
        // 2,048,000 / 2.048e12 MAC/s = 1 us; 512,000 / 0.512e12 MAC/s = 1 us
        assertThat(donePs).containsExactly(1_000_000L, 2_000_000L);
        assertThat(npu.macs("int8")).isEqualTo(2_048_000);
        assertThat(stats.snapshot(scheduler.nowPs())).containsEntry("npu.macs.fp16", 512_000.0);
    }

    @Test
    void anUnknownFormatIsAnErrorListingTheKnownOnes() {
        assertThatThrownBy(() -> npu.computePs(1, "fp8-e4m3", Stage.DECODE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'fp8-e4m3'").hasMessageContaining("fp16, int8");
    }

    @Test
    void cpuTimeIsMacsOverPerCoreRateTimesCoresTimesClockTimesUtilisation() {
        Cpu cpu = new Cpu(scheduler, stats, "cpu", 8, 2e9, Map.of("q4_0", 16.0), 0.5);
        // 8 x 2e9 x 16 x 0.5 = 1.28e11 MAC/s: 1.28e9 MACs take 10 ms
        assertThat(cpu.computePs(1_280_000_000L, "q4_0")).isEqualTo(10_000_000_000L);
        cpu.compute(128_000, "q4_0", record, 0);
        scheduler.run();
        assertThat(donePs).containsExactly(1_000_000L);
    }

    @Test
    void utilisationOutsideZeroToOneIsRejected() {
        assertThatThrownBy(() -> new Npu(scheduler, stats, "npu2", 1e9, Map.of("int8", 1L), 1.5, 0.5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("prefillUtilisation");
    }
}

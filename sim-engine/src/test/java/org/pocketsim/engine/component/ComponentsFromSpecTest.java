package org.pocketsim.engine.component;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pocketsim.engine.core.Scheduler;
import org.pocketsim.engine.stats.StatsRegistry;
import org.pocketsim.hw.preset.ProfileCatalog;
import org.pocketsim.hw.spec.CpuSpec;
import org.pocketsim.hw.spec.DramSpec;
import org.pocketsim.hw.spec.EnergySpec;
import org.pocketsim.hw.spec.FlashSpec;
import org.pocketsim.hw.spec.NpuSpec;
import org.pocketsim.hw.spec.RatePoint;
import org.pocketsim.hw.spec.RequesterSet;
import org.pocketsim.hw.spec.SocSpec;
import org.pocketsim.hw.unit.Bandwidth;
import org.pocketsim.hw.unit.DataSize;
import org.pocketsim.hw.unit.Duration;
import org.pocketsim.hw.unit.Frequency;

/**
 * Components built from spec records take the right fields. The spec figures below are the
 * Snapdragon 8 Gen 3 preset's at the time of writing, restated here so the test pins the wiring
 * and not the preset; every shipped preset is also built once.
 */
class ComponentsFromSpecTest {

    private final Scheduler scheduler = new Scheduler();
    private final StatsRegistry stats = new StatsRegistry();

    private final DramSpec dram = new DramSpec("LPDDR5X", DataSize.parse("12 GiB"), DataSize.parse("5 GiB"),
            Bandwidth.parse("76.8 GB/s"), null,
            Map.of(RequesterSet.CPU, Bandwidth.parse("43.9 GB/s"), RequesterSet.NPU, Bandwidth.parse("56 GB/s"),
                    RequesterSet.CPU_NPU, Bandwidth.parse("59.6 GB/s")),
            Duration.parse("100 ns"), 4.0);
    private final FlashSpec flash = new FlashSpec("UFS 4.0",
            List.of(new RatePoint(DataSize.parse("4 KiB"), Bandwidth.parse("450 MB/s")),
                    new RatePoint(DataSize.parse("512 KiB"), Bandwidth.parse("4 GB/s"))),
            List.of(new RatePoint(DataSize.parse("4 KiB"), Bandwidth.parse("1 GB/s")),
                    new RatePoint(DataSize.parse("512 KiB"), Bandwidth.parse("3.5 GB/s"))),
            Duration.parse("0 ps"), 32, 52.0);

    @Test
    void dramTakesTheAvailableCapacityAndTheRequestersAchievableBandwidth() {
        Dram npuOnly = Dram.fromSpec(scheduler, stats, "dram", dram, RequesterSet.NPU);
        assertThat(npuOnly.capacityBytes()).isEqualTo(7L << 30);
        assertThat(npuOnly.bytesPerSecond()).isEqualTo(56e9);
        // 100 ns + 1 MB / 56 GB/s (17,857,142.86 ps, rounded up)
        assertThat(npuOnly.unloadedTransferPs(1_000_000)).isEqualTo(100_000 + 17_857_143);
        assertThat(Dram.fromSpec(scheduler, stats, "dram2", dram, RequesterSet.CPU_NPU).bytesPerSecond()).isEqualTo(59.6e9);
    }

    @Test
    void flashTakesTheMeasuredCurvesLatencyAndQueueDepth() {
        Flash ufs = Flash.fromSpec(scheduler, stats, "flash", flash);
        assertThat(ufs.queueDepth()).isEqualTo(32);
        // 4 KiB at 450 MB/s = 9,102,222.2 ps, rounded up; no separate latency
        assertThat(ufs.unloadedReadPs(4096, ReadPattern.SEQUENTIAL)).isEqualTo(9_102_223);
        assertThat(ufs.bytesPerSecondAt(65_536, ReadPattern.SEQUENTIAL)).isCloseTo(450e6 + 4.0 / 7.0 * 3.55e9, within(1e-3));
        assertThat(ufs.bytesPerSecondAt(4096, ReadPattern.RANDOM)).isEqualTo(1e9);
    }

    @Test
    void npuAndCpuTakeClockRatesAndUtilisation() {
        NpuSpec npuSpec = new NpuSpec("Hexagon", Frequency.parse("1 GHz"), Map.of("int8", 22_500L),
                DataSize.parse("8 MiB"), 0.5, 0.5);
        // 22,500 x 1 GHz x 0.5 = 1.125e13 MAC/s: 1.125e9 MACs take 100 us
        assertThat(Npu.fromSpec(scheduler, stats, "npu", npuSpec).computePs(1_125_000_000L, "int8", Stage.DECODE))
                .isEqualTo(100_000_000L);
        CpuSpec cpuSpec = new CpuSpec("8 cores", 8, Frequency.parse("3.3 GHz"), Bandwidth.parse("43.9 GB/s"),
                Map.of("int8", 32.0));
        // 32 x 8 x 3.3 GHz x 1.0 = 8.448e11 MAC/s: 8.448e8 MACs take 1 ms
        assertThat(Cpu.fromSpec(scheduler, stats, "cpu", cpuSpec, 1.0).computePs(844_800_000L, "int8"))
                .isEqualTo(1_000_000_000L);
    }

    @Test
    void energyTakesDramAndFlashPerBitAndTheEnergyTables() {
        EnergySpec energy = new EnergySpec(Map.of("int8", 0.1), Map.of("int8", 0.5), 1.0, 500.0, null, null);
        EnergyBreakdown priced = EnergyModel.fromSpec(dram, flash, energy).price(new ActionCounts()
                .addDramBytes(1_000_000).addFlashBytes(1_000).addNpuMacs("int8", 1_000_000)
                .addElapsedPs(1_000_000_000_000L));
        assertThat(priced.dramPj()).isEqualTo(3.2e7);
        assertThat(priced.flashPj()).isEqualTo(416_000.0);
        assertThat(priced.npuMacPj()).isCloseTo(1e5, within(1e-6));
        assertThat(priced.staticPj()).isEqualTo(5e11);
    }

    @Test
    void everyShippedPresetBuildsEveryComponent() {
        for (SocSpec soc : ProfileCatalog.loadAll()) {
            StatsRegistry registry = new StatsRegistry();
            Dram.fromSpec(scheduler, registry, "dram", soc.dram(), RequesterSet.NPU);
            Flash.fromSpec(scheduler, registry, "flash", soc.flash());
            Npu.fromSpec(scheduler, registry, "npu", soc.npu());
            Cpu.fromSpec(scheduler, registry, "cpu", soc.cpu(), 1.0);
            assertThat(EnergyModel.fromSpec(soc).price(new ActionCounts().addElapsedPs(1)).totalPj())
                    .as(soc.id()).isGreaterThanOrEqualTo(0.0);
        }
    }
}

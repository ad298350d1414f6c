package org.pocketsim.engine.run;

import org.pocketsim.engine.decode.Component;
import org.pocketsim.engine.decode.DesExecutor;
import org.pocketsim.engine.decode.KernelKind;
import org.pocketsim.engine.decode.SocTiming;
import org.pocketsim.engine.decode.TimingSpec;
import org.pocketsim.engine.decode.TokenTime;
import org.pocketsim.engine.decode.Traces;
import org.pocketsim.engine.decode.WorkGroup;
import org.pocketsim.engine.point.DecodeSpec;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.pocketsim.engine.result.Metrics;
import org.pocketsim.hw.config.ConfigSource;
import org.pocketsim.hw.config.YamlConfig;
import org.pocketsim.hw.preset.ProfileCatalog;
import org.pocketsim.hw.spec.SocSpec;
import org.pocketsim.workload.model.ModelCatalog;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * With zero latencies, no co-runners and one run at a time, the discrete-event executor gives
 * the analytic token time to rounding (picoseconds per flash request), for every combination of
 * compute overlap and I/O concurrency; contention shows as stall.
 */
class DesMatchesAnalyticTest {

    private static final SocSpec PHONE = ProfileCatalog.load("dip-reference-phone"); // latencies are 0

    private static Map<String, Double> run(String mode, String compute, boolean concurrent, int coRunners) {
        String yaml = "{soc: dip-reference-phone, model: opt-6.7b, weights: fp16, prompt: 16, generate: 3, mode: " + mode
                + ", executor: {decode: npu, prefill: npu}, timing: {compute: " + compute + ", concurrentIo: " + concurrent
                + ", coRunners: " + coRunners + "}, mlp: {kind: sparse-stream, loadShare: 0.02, residentShare: 0.1, chunk: 64 KiB}}";
        DecodeSpec spec = YamlConfig.parse(new ConfigSource("test", yaml), DecodeSpec.class);
        return new DecodeRun(PHONE, ModelCatalog.load("opt-6.7b"), spec, new Traces(Path.of("."), 1), 1).run().metrics();
    }

    @ParameterizedTest
    @CsvSource({"overlap,true", "overlap,false", "serial,true", "serial,false", "ignore,true", "ignore,false"})
    void desEqualsAnalyticWithoutLatencyOverlapOrContention(String compute, boolean concurrent) {
        Map<String, Double> analytic = run("analytic", compute, concurrent, 0);
        Map<String, Double> des = run("des", compute, concurrent, 0);
        assertThat(des.get(Metrics.MS_PER_TOKEN)).isCloseTo(analytic.get(Metrics.MS_PER_TOKEN), within(1e-6));
        assertThat(des.get(Metrics.MS_STALL)).isLessThan(1e-6);
        assertThat(des.get(Metrics.FLASH_BYTES_PER_TOKEN)).isEqualTo(analytic.get(Metrics.FLASH_BYTES_PER_TOKEN));
    }

    @Test
    void prefetchOverlapsTheNextGroupsFlashReadsWithThisGroupsWork() {
        // group 0 reads 60 MB from DRAM (1 ms at 60 GB/s); group 1 reads 1.5 MB from flash (1.5 ms at 1 GB/s)
        WorkGroup[] groups = {new WorkGroup(), new WorkGroup()};
        groups[0].dram(Component.ATTENTION, 60_000_000L, 0);
        groups[1].flash(Component.MLP, 1_500_000L, 4096, true);
        SocTiming timing = new SocTiming(PHONE);
        java.util.Set<org.pocketsim.hw.spec.Requester> npu = java.util.EnumSet.of(org.pocketsim.hw.spec.Requester.NPU);
        TokenTime plain = new TokenTime();
        new DesExecutor(timing, new TimingSpec(TimingSpec.Compute.IGNORE,
                true, 0, false), npu, "fp16", 0).time(groups, 2, plain);
        TokenTime prefetched = new TokenTime();
        new DesExecutor(timing, new TimingSpec(TimingSpec.Compute.IGNORE,
                true, 0, true), npu, "fp16", 0).time(groups, 2, prefetched);
        assertThat(plain.total()).isCloseTo(2.5e-3, within(1e-12));
        assertThat(prefetched.total()).isCloseTo(1.5e-3, within(1e-12));
        assertThat(prefetched.flash / prefetched.dram).isCloseTo(1.5, within(1e-9)); // shares scaled, not dropped
    }

    @Test
    void prefetchAndCoRunnersAreRejectedInAnalyticMode() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> YamlConfig.parse(new ConfigSource("test",
                "{soc: dip-reference-phone, model: opt-6.7b, weights: fp16, prompt: 1, generate: 1, timing: {prefetch: true}}"), DecodeSpec.class))
                .hasMessageContaining("prefetch and coRunners need mode: des");
    }

    @Test
    void aCoRunnerOnTheDramBusShowsAsStall() {
        Map<String, Double> alone = run("des", "ignore", true, 0);
        Map<String, Double> shared = run("des", "ignore", true, 1);
        assertThat(shared.get(Metrics.MS_PER_TOKEN)).isGreaterThan(alone.get(Metrics.MS_PER_TOKEN));
        assertThat(shared.get(Metrics.MS_STALL)).isGreaterThan(0.0);
    }
}

package org.pocketsim.engine.replay;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pocketsim.engine.point.KernelReplaySpec;
import org.pocketsim.engine.point.PointOutcome;
import org.pocketsim.engine.result.Metrics;
import org.pocketsim.workload.kernel.GgmlPerfImporter;
import org.pocketsim.workload.kernel.KernelTrace;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The targets on the real Llama-2-7B Q4_0 log: two parameters calibrated (bandwidth on
 * 4096x4096 q4_0, warm-up on the first layer's matrix products), every other MUL_MAT shape of the
 * decode steps within 20% of its measured median, the decode step within 15%, and the whole log
 * replayed in under a second.
 */
class KernelReplayTest {

    static final Path LOG = Path.of("..", "data", "third-party", "kernels", "llamacpp-llama2-7b-q4_0-arm.ggml-perf.log");
    private static KernelTrace trace;
    private static KernelReplay replay;

    @BeforeAll
    static void replayTheLog() {
        trace = GgmlPerfImporter.read(LOG, "brave-experiments/MELT-public@15dcd82c", "MIT");
        replay = new KernelReplay(trace, null, null);
    }

    @Test
    void calibratesTwoParametersOnTwoNodeTypes() {
        assertThat(replay.calibrationGroup()).isEqualTo("MUL_MAT 4096x4096 q4_0");
        assertThat(replay.model().bandwidth() / 1e9).isBetween(21.0, 24.0);   // the README's 22-23 GB/s
        assertThat(replay.model().warmupMs()).isBetween(10.0, 40.0);
    }

    @Test
    void predictsEveryOtherMatMulShapeWithinTwentyPercent() {
        List<String> report = new ArrayList<>();
        for (String group : KernelReplay.decodeGroups(trace)) {
            if (!group.startsWith("MUL_MAT")) continue;
            PointOutcome o = ReplayOutcome.of(replay, group);
            double error = o.metrics().get(Metrics.ERROR_PCT);
            report.add(String.format("%s: measured %.4f predicted %.4f error %+.1f%%", group,
                    o.metrics().get(Metrics.MEASURED_MS), o.metrics().get(Metrics.PREDICTED_MS), error));
            if (!group.equals(replay.calibrationGroup())) assertThat(Math.abs(error)).as(group).isLessThan(20);
        }
        System.out.println(String.join("\n", report));
        assertThat(report).hasSize(6);
    }

    @Test
    void predictsTheDecodeStepWithinFifteenPercent() {
        PointOutcome o = ReplayOutcome.of(replay, KernelReplaySpec.DECODE_STEP);
        System.out.printf("decode step: measured %.2f predicted %.2f error %+.1f%%%n", o.metrics().get(Metrics.MEASURED_MS),
                o.metrics().get(Metrics.PREDICTED_MS), o.metrics().get(Metrics.ERROR_PCT));
        assertThat(o.metrics().get(Metrics.MEASURED_MS)).isBetween(205.0, 215.0);
        assertThat(Math.abs(o.metrics().get(Metrics.STEP_ERROR_PCT))).isLessThan(15);
        double parts = o.metrics().get(Metrics.MS_MATMUL) + o.metrics().get(Metrics.MS_ATTENTION)
                + o.metrics().get(Metrics.MS_ELEMENTWISE) + o.metrics().get(Metrics.MS_VIEWS);
        assertThat(parts).isCloseTo(o.metrics().get(Metrics.PREDICTED_STEP_MS), org.assertj.core.data.Offset.offset(10.0));
    }

    @Test
    void replaysTheWholeLogInUnderOneSecond() {
        new KernelReplay(trace, null, null);
        long start = System.nanoTime();
        KernelReplay again = new KernelReplay(trace, "q8_0", null);
        ReplayOutcome.of(again, KernelReplaySpec.DECODE_STEP);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("replay of %d nodes: %.3f s%n", trace.nodes().size(), seconds);
        assertThat(seconds).isLessThan(1.0);
    }

    @Test
    void everyOtherGroupReportsItsError() {
        for (String group : KernelReplay.decodeGroups(trace)) {
            if (group.startsWith("MUL_MAT")) continue;
            PointOutcome o = ReplayOutcome.of(replay, group);
            System.out.printf("%s: n/step %.0f measured %.4f predicted %.4f error %+.1f%% share %.2f%%%n", group,
                    o.metrics().get(Metrics.NODES_PER_STEP), o.metrics().get(Metrics.MEASURED_MS),
                    o.metrics().get(Metrics.PREDICTED_MS), o.metrics().get(Metrics.ERROR_PCT), o.metrics().get(Metrics.SHARE_OF_STEP_PCT));
        }
        PointOutcome step = ReplayOutcome.of(replay, KernelReplaySpec.DECODE_STEP);
        System.out.printf("prompt graphs: measured %.1f predicted %.1f error %+.1f%%%n", step.metrics().get(Metrics.MEASURED_PREFILL_MS),
                step.metrics().get(Metrics.PREDICTED_PREFILL_MS), step.metrics().get(Metrics.PREFILL_ERROR_PCT));
    }

    @Test
    void thePromptGraphsRunOnePassPerTokenAndTheStridedVCopyMovesALinePerRow() {
        PointOutcome step = ReplayOutcome.of(replay, KernelReplaySpec.DECODE_STEP);
        // -48% when the prompt graphs were bandwidth-bound; the log's products take 2.0 and 3.0 times their decode time
        assertThat(Math.abs(step.metrics().get(Metrics.PREFILL_ERROR_PCT))).isLessThan(10);
        // -93% when the copy into the transposed V cache was counted as 4,096 element operations
        assertThat(Math.abs(ReplayOutcome.of(replay, "CPY [1,4096,1]").metrics().get(Metrics.ERROR_PCT))).isLessThan(10);
    }

    @Test
    void anNpuRetargetTimesWeightProductsAtThePresetNpuRateAndBandwidth() {
        org.pocketsim.hw.spec.SocSpec gen3 = org.pocketsim.hw.preset.ProfileCatalog.load("snapdragon-8-gen3");
        CpuReplayModel npu = CpuReplayModel.of(gen3, 4).withNpu(gen3);
        int node = replay.decodeNodes("MUL_MAT 4096x4096 q4_0")[0];
        // 9,437,184 q4_0 bytes at the NPU's 56 GB/s outlast 16.8M MACs at 22,500 int8 MACs/cycle x 1 GHz x 0.5
        assertThat(npu.ms(replay.work(node), 1)).isCloseTo(9_437_184 / 56e9 * 1e3, org.assertj.core.data.Offset.offset(1e-12));
        KernelReplay onNpu = new KernelReplay(trace, null, npu);
        KernelReplay onCpu = new KernelReplay(trace, null, CpuReplayModel.of(gen3, 4));
        assertThat(ReplayOutcome.of(onNpu, KernelReplaySpec.DECODE_STEP).metrics().get(Metrics.PREDICTED_STEP_MS))
                .isLessThan(ReplayOutcome.of(onCpu, KernelReplaySpec.DECODE_STEP).metrics().get(Metrics.PREDICTED_STEP_MS));
    }
}

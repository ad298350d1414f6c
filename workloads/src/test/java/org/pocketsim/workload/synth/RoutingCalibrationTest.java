package org.pocketsim.workload.synth;

import org.junit.jupiter.api.Test;
import org.pocketsim.workload.model.ModelCatalog;
import org.pocketsim.workload.model.ModelSpec;
import org.pocketsim.workload.trace.TensorKind;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class RoutingCalibrationTest {

    private static final ModelSpec OLMOE = ModelCatalog.load("olmoe-1b-7b-0924");

    @Test
    void olmoeShapedTraceFittedToTheRealTraceMatchesItsStatisticsInEveryLayer() {
        int[][][] real = ExpertIdsJsonl.read(TestData.olmoeTrace());
        RoutingCalibration rc = RoutingCalibration.fromTrace(OLMOE, real, 42, "olmoe decode299");
        RoutingStats[] reference = new RoutingStats[16];
        for (int l = 0; l < 16; l++) reference[l] = RoutingStats.of(real[l], 64);
        SynthParameters p = SynthParameters.defaults(42, 299).withTensors(false, true);
        try (SyntheticTrace trace = SyntheticTraces.create(OLMOE, p, null, rc)) {
            List<CalibrationRow> rows = CalibrationReport.compute(trace, OLMOE, null, null, reference, "olmoe decode299");
            List<CalibrationRow> checked = rows.stream().filter(r -> !Double.isNaN(r.tolerance())).toList();
            assertThat(checked).hasSize(16 * 4);
            assertThat(checked).allSatisfy(r -> assertThat(r.withinTolerance()).as(r.toString()).isTrue());
            assertThat(checked).extracting(CalibrationRow::statistic).containsOnly(
                    "reuse_d1", "reuse_d4", "top_expert_share", "frac_experts_cover_80pct");
        }
    }

    @Test
    void qwenMoeTakesItsStatisticsAsParametersAndMatchesThemOnAverageOverLayers() {
        ModelSpec qwen = ModelCatalog.load("qwen1.5-moe-a2.7b");
        RoutingTargets targets = new RoutingTargets(0.35, 0.25, 0.10, 0.50, 299);
        SynthParameters p = SynthParameters.defaults(3, 299).withTensors(false, true).withRoutingTargets(targets);
        try (SyntheticTrace trace = SyntheticTraces.create(qwen, p, null, null)) {
            List<CalibrationRow> rows = CalibrationReport.compute(trace, qwen, null, null, null, "");
            assertThat(mean(rows, "reuse_d1")).isCloseTo(0.35, within(RoutingFitter.REUSE_TOLERANCE));
            assertThat(mean(rows, "reuse_d4")).isCloseTo(0.25, within(RoutingFitter.REUSE_TOLERANCE));
            assertThat(mean(rows, "top_expert_share")).isCloseTo(0.10, within(RoutingFitter.TOP_SHARE_TOLERANCE));
            assertThat(mean(rows, "frac_experts_cover_80pct")).isCloseTo(0.50, within(RoutingFitter.COVER80_TOLERANCE));
            assertThat(trace.info().provenance().get("generator.parameters.routingCalibration")).startsWith("configured routing targets");
        }
    }

    @Test
    void routerLogitsRankTheChosenExpertsFirstInDescendingOrder() {
        SynthParameters p = SynthParameters.defaults(5, 40).withTensors(false, true);
        try (SyntheticTrace trace = SyntheticTraces.create(OLMOE, p, null, null)) {
            float[] logits = new float[64];
            int[] experts = new int[8];
            for (int t = 0; t < 40; t++) {
                trace.readRow(TensorKind.ROUTER_LOGITS, 3, t, logits);
                trace.readExperts(3, t, experts);
                float min = Float.POSITIVE_INFINITY;
                for (int i = 0; i < 8; i++) {
                    if (i > 0) assertThat(logits[experts[i]]).isLessThanOrEqualTo(logits[experts[i - 1]]);
                    min = Math.min(min, logits[experts[i]]);
                }
                int above = 0;
                for (float v : logits) if (v >= min) above++;
                assertThat(above).isEqualTo(8);
            }
        }
    }

    private static double mean(List<CalibrationRow> rows, String statistic) {
        return rows.stream().filter(r -> r.statistic().equals(statistic)).mapToDouble(CalibrationRow::generated).average().orElseThrow();
    }
}

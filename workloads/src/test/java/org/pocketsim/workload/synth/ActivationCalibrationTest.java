package org.pocketsim.workload.synth;

import org.junit.jupiter.api.Test;
import org.pocketsim.workload.model.ModelCatalog;
import org.pocketsim.workload.model.ModelSpec;
import org.pocketsim.workload.trace.TensorKind;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ActivationCalibrationTest {

    @Test
    void everyRealThresholdGivesItsSparsityOnTheGeneratedTraceWithinOnePoint() {
        ModelSpec spec = ModelCatalog.load("llama2-7b");
        SynthParameters p = SynthParameters.defaults(11, 48).withTensors(true, false);
        try (SyntheticTrace trace = SyntheticTraces.create(spec, p, TestData.teal(), null)) {
            List<CalibrationRow> rows = CalibrationReport.compute(trace, spec, TestData.teal(), "Llama-2-7B", null, "");
            assertThat(rows).hasSize(32 * 2 * 19 * 2);
            assertThat(rows).allSatisfy(r -> assertThat(r.withinTolerance()).as(r.toString()).isTrue());
            assertThat(rows.stream().filter(r -> r.statistic().startsWith("sparsity_at_"))).hasSize(32 * 2 * 19)
                    .allSatisfy(r -> assertThat(r.tolerance()).isEqualTo(0.01));
            // informational quantile rows: within 5% of the real threshold everywhere
            assertThat(rows.stream().filter(r -> r.statistic().startsWith("q")))
                    .allSatisfy(r -> assertThat(r.generated() / r.reference()).as(r.toString()).isBetween(0.95, 1.05));
            CalibrationRow median = rows.stream().filter(r -> r.layer() == 0 && r.tensor().equals("mlp_in")
                    && r.statistic().equals("q0.50")).findFirst().orElseThrow();
            assertThat(median.reference()).isEqualTo(0.0202655);
            assertThat(median.generated()).isCloseTo(0.0202655, within(0.0202655 * 0.03));
        }
    }

    @Test
    void strongPersistenceLeavesTheMarginalCalibrationIntact() {
        ModelSpec spec = ModelCatalog.load("mistral-7b-v0.1");
        SynthParameters p = SynthParameters.defaults(12, 24).withTensors(true, false).withPersistence(0.9, 0.9);
        try (SyntheticTrace trace = SyntheticTraces.create(spec, p, TestData.teal(), null)) {
            List<CalibrationRow> rows = CalibrationReport.compute(trace, spec, TestData.teal(), "Mistral-7B", null, "");
            long within = rows.stream().filter(CalibrationRow::withinTolerance).count();
            assertThat(within).isEqualTo(rows.size());
        }
    }

    @Test
    void phi3MediumTakesMistralThresholdsAtTheSameRelativeDepth() {
        ModelSpec phi = ModelCatalog.load("phi3-medium-4k");
        TealThresholds teal = TestData.teal();
        assertThat(ActivationCalibration.defaultSource(phi)).isEqualTo("Mistral-7B");
        assertThat(ActivationCalibration.isOwnData(phi, "Mistral-7B")).isFalse();
        MagnitudeQuantiles first = ActivationCalibration.quantiles(teal, phi, "Mistral-7B", 0, TensorKind.MLP_IN);
        MagnitudeQuantiles last = ActivationCalibration.quantiles(teal, phi, "Mistral-7B", 39, TensorKind.DOWN_IN);
        assertThat(first.values()).containsExactly(teal.quantiles("Mistral-7B", 0, TensorKind.MLP_IN).values());
        assertThat(last.values()).containsExactly(teal.quantiles("Mistral-7B", 31, TensorKind.DOWN_IN).values());
        // layer 13 of 40 sits at 13 * 31 / 39 = 10 + 1/3 of Mistral's 32 layers
        MagnitudeQuantiles mid = ActivationCalibration.quantiles(teal, phi, "Mistral-7B", 13, TensorKind.MLP_IN);
        double a = teal.quantiles("Mistral-7B", 10, TensorKind.MLP_IN).value(9);
        double b = teal.quantiles("Mistral-7B", 11, TensorKind.MLP_IN).value(9);
        assertThat(mid.value(9)).isCloseTo(Math.pow(a, 2.0 / 3) * Math.pow(b, 1.0 / 3), within(1e-12));
    }

    @Test
    void llamaModelsUseTheirOwnRows() {
        assertThat(ActivationCalibration.defaultSource(ModelCatalog.load("llama3.1-8b"))).isEqualTo("Llama-3-8B");
        assertThat(ActivationCalibration.defaultSource(ModelCatalog.load("llama2-7b"))).isEqualTo("Llama-2-7B");
        assertThat(ActivationCalibration.isOwnData(ModelCatalog.load("mistral-7b-v0.1"), "Mistral-7B")).isTrue();
    }
}

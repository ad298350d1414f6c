package org.pocketsim.workload.synth;

import org.junit.jupiter.api.Test;
import org.pocketsim.workload.model.ModelCatalog;
import org.pocketsim.workload.model.ModelSpec;
import org.pocketsim.workload.trace.TensorKind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ActivationFitterTest {

    private static final ModelSpec OLMOE = ModelCatalog.load("olmoe-1b-7b-0924");

    private static ActivationFitter.Fit fitTo(double c, double rho, long seed) {
        SynthParameters p = SynthParameters.defaults(seed, 64).withTensors(true, false).withPersistence(c, rho);
        return ActivationFitter.fit(() -> SyntheticTraces.create(OLMOE, p, TestData.teal(), null), OLMOE, "a known trace");
    }

    @Test
    void recoversTheChannelAndTemporalPersistenceOfATraceWithKnownParameters() {
        ActivationFitter.Fit a = fitTo(0.3, 0.7, 21);
        assertThat(a.channelPersistence()).isCloseTo(0.3, within(0.02));
        assertThat(a.temporalPersistence()).isCloseTo(0.7, within(0.02));
        ActivationFitter.Fit b = fitTo(0.8, 0.2, 22);
        assertThat(b.channelPersistence()).isCloseTo(0.8, within(0.02));
        assertThat(b.temporalPersistence()).isCloseTo(0.2, within(0.02));
    }

    @Test
    void takesTheTraceQuantilesAsTargetsAndFillsMissingTensorsFromTheNearestLayer() {
        ActivationFitter.Fit f = fitTo(0.5, 0.5, 23);
        ActivationTargets teal = ActivationCalibration.tealTargets(TestData.teal(), OLMOE, "Mistral-7B");
        for (int layer : new int[]{0, 7, 15}) {
            MagnitudeQuantiles got = f.targets().quantiles(layer, TensorKind.MLP_IN);
            MagnitudeQuantiles want = teal.quantiles(layer, TensorKind.MLP_IN);
            for (int i = 2; i < got.size(); i++) assertThat(got.value(i) / want.value(i)).isCloseTo(1, within(0.03));
        }
        assertThat(f.targets().origin()).isEqualTo("quantiles of a known trace");
    }

    @Test
    void meanOfUnitAr1ValuesHasTheClosedFormVariance() {
        assertThat(ActivationFitter.meanVariance(0, 10)).isCloseTo(0.1, within(1e-12));
        // T = 2: (1 + 2 * (1/2) * rho) / 2
        assertThat(ActivationFitter.meanVariance(0.5, 2)).isCloseTo(0.75, within(1e-12));
    }
}

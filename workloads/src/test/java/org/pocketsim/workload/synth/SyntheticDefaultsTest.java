package org.pocketsim.workload.synth;

import org.junit.jupiter.api.Test;
import org.pocketsim.workload.model.ModelSpec;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The synthetic generator's default persistences are the fit to the shipped real dense traces. */
class SyntheticDefaultsTest {

    @Test
    void defaultPersistencesEqualTheFitPooledOverTheFourRealDenseTraces() {
        Path root = TestData.repoRoot();
        ModelSpec spec = SyntheticVsReal.model(root);
        List<Path> dirs = SyntheticVsReal.traceDirs(root);
        assertThat(dirs).extracting(p -> p.getFileName().toString()).containsExactly("prompt-00", "prompt-01", "prompt-02", "prompt-03");
        SyntheticVsReal.PooledFit fit = SyntheticVsReal.fit(dirs, spec);
        // per prompt, as printed by SyntheticVsReal.main and quoted in SynthParameters
        double[] c = {0.0781, 0.0713, 0.0751, 0.0756};
        double[] rho = {0.0831, 0.0919, 0.0331, 0.0685};
        for (int i = 0; i < 4; i++) {
            assertThat(fit.perTrace().get(i).channelPersistence()).as("c of prompt %d", i).isCloseTo(c[i], within(5e-5));
            assertThat(fit.perTrace().get(i).temporalPersistence()).as("rho of prompt %d", i).isCloseTo(rho[i], within(5e-5));
        }
        assertThat(fit.channelPersistence()).isCloseTo(SynthParameters.DEFAULT_CHANNEL_PERSISTENCE, within(5e-4));
        assertThat(fit.temporalPersistence()).isCloseTo(SynthParameters.DEFAULT_TEMPORAL_PERSISTENCE, within(5e-4));
        assertThat(SynthParameters.defaults(1, 8).channelPersistence()).isEqualTo(0.075);
        assertThat(SynthParameters.defaults(1, 8).temporalPersistence()).isEqualTo(0.069);
    }

    @Test
    void theRealDenseModelYamlHasTheTrainedModelsDimensionsAndParameterCount() {
        ModelSpec spec = SyntheticVsReal.model(TestData.repoRoot());
        assertThat(spec.id()).isEqualTo("pocketsim-llama-py");
        assertThat(new int[] {spec.layers(), spec.hidden(), spec.intermediate(), spec.vocab()}).containsExactly(8, 512, 1536, 8192);
        // 2 x 8192 x 512 (embedding, LM head) + 8 x (4 x 512^2 + 3 x 512 x 1536 + 2 x 512) + 512 (final norm)
        assertThat(spec.parameterCounts().total()).isEqualTo(35_660_288L);
    }
}

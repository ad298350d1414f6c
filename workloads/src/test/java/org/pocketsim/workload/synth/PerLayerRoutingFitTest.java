package org.pocketsim.workload.synth;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.pocketsim.workload.model.ModelCatalog;
import org.pocketsim.workload.model.ModelSpec;
import org.pocketsim.workload.trace.TraceReader;
import org.pocketsim.workload.trace.TraceSource;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The synthetic MoE traces of the models without a public routing trace reproduce, layer by
 * layer, the real statistics their layer was fitted to: a seeded trace of 20 windows of the
 * source's window (299 tokens for OLMoE-1B-7B) is generated, each layer's reuse at distances 1..8,
 * top expert share and 80% coverage are averaged over the windows and compared with
 * {@link RoutingDepthProfile#target} within the tolerances given per model. The contract
 * tolerances of {@link RoutingFitter} (reuse 0.05, top share 0.03, coverage 0.08) hold for the
 * 60- and 64-expert models; the 8- and 16-expert top-2 models cannot reach every carried
 * statistic (coverage moves in steps of 1/E, and OLMoE's early layers put one expert in 88% of
 * tokens' top-8, which as a top-2 share is at the 1/2 bound), so theirs are wider and stated here.
 */
class PerLayerRoutingFitTest {

    private static final int WINDOWS = 20;

    @ParameterizedTest(name = "{0}: reuse {1}, top share {2}, 80% coverage {3}")
    @CsvSource({
            "qwen1.5-moe-a2.7b, 0.05, 0.03, 0.08",
            "deepseek-v2-lite,  0.05, 0.03, 0.08",
            "phi3.5-moe,        0.08, 0.10, 0.13",
            "mixtral-8x7b,      0.08, 0.05, 0.16"})
    void everyLayerOfTheSyntheticTraceMatchesTheOlmoeStatisticsAtItsDepth(String model, double reuseTol, double topTol,
                                                                          double coverTol) {
        ModelSpec spec = ModelCatalog.load(model);
        RoutingDepthProfile profile = RoutingDepthProfile.olmoe();
        SynthParameters params = SynthParameters.defaults(11, WINDOWS * profile.window()).withTensors(false, true);
        try (SyntheticTrace trace = SyntheticTraces.create(spec, params, null, null)) {
            assertThat(trace.info().provenance().get("generator.parameters.routingCalibration"))
                    .contains("OLMoE-1B-7B-0924").contains("per MoE layer by relative depth");
            assertThat(trace.info().sourceKind()).isEqualTo(org.pocketsim.workload.trace.TraceInfo.SourceKind.SYNTHETIC);
            checkEveryLayer(trace, spec, profile, reuseTol, topTol, coverTol);
        }
    }

    /**
     * The second real source, the real small MoE (four prompts of Python, 8 layers fitted one to
     * one). Its reuse is periodic, not a decay: in every layer tokens 3 and 6 back share more
     * experts than tokens 2 and 4 back (code's repeating token patterns), which the generator's
     * AR(1) processes cannot produce, so reuse is checked within 0.14 here (measured worst: layer
     * 6 at distance 6, real 0.448) and top share and coverage within 0.03 and 0.10.
     */
    @Test
    void theRealSmallMoeProfileIsReproducedLayerByLayerExceptItsPeriodicReuse() {
        ModelSpec spec = ModelCatalog.resolve(TestData.repoRoot().resolve("data/traces/real/models/pocketsim-olmoe-py.yaml").toString());
        List<TraceSource> prompts = new ArrayList<>();
        try {
            for (int i = 0; i < 4; i++) {
                prompts.add(TraceReader.open(TestData.repoRoot().resolve("data/traces/real/pocketsim-olmoe-py/prompt-0" + i), false));
            }
            RoutingDepthProfile profile = RoutingDepthProfile.of(prompts, spec, "pocketsim-olmoe-py prompts 0-3");
            assertThat(profile.layers()).isEqualTo(8);
            assertThat(profile.window()).isEqualTo(256);
            for (int l = 0; l < 8; l++) {
                double[] x = profile.excessReuse()[l];
                assertThat(x[2]).as("layer %d: reuse at 3 above 2 and 4", l).isGreaterThan(x[1]).isGreaterThan(x[3]);
            }
            RoutingCalibration rc = RoutingCalibration.fromDepthProfile(spec, profile, 5);
            SynthParameters params = SynthParameters.defaults(5, WINDOWS * profile.window()).withTensors(false, true);
            try (SyntheticTrace trace = SyntheticTraces.create(spec, params, null, rc)) {
                checkEveryLayer(trace, spec, profile, 0.14, RoutingFitter.TOP_SHARE_TOLERANCE, 0.10);
            }
        } finally {
            prompts.forEach(TraceSource::close);
        }
    }

    private static void checkEveryLayer(SyntheticTrace trace, ModelSpec spec, RoutingDepthProfile profile,
                                        double reuseTol, double topTol, double coverTol) {
        int w = profile.window();
        int[][][] experts = RoutingCalibration.expertsOf(trace, spec);
        int moeLayers = experts.length;
        int e = spec.moe().experts();
        for (int i = 0; i < moeLayers; i++) {
            RoutingDepthProfile.LayerTarget target = profile.target(i, moeLayers, e, spec.moe().topK());
            double[] reuse = new double[RoutingDepthProfile.DISTANCES];
            double top = 0;
            double cover = 0;
            for (int k = 0; k < WINDOWS; k++) {
                int[][] window = java.util.Arrays.copyOfRange(experts[i], k * w, (k + 1) * w);
                for (int d = 1; d <= reuse.length; d++) reuse[d - 1] += RoutingStats.reuse(window, d, e) / WINDOWS;
                RoutingStats s = RoutingStats.of(window, e);
                top += s.topExpertShare() / WINDOWS;
                cover += s.fracCover80() / WINDOWS;
            }
            for (int d = 1; d <= reuse.length; d++) {
                assertThat(Math.abs(reuse[d - 1] - target.reuse(d))).as("%s MoE layer %d reuse d%d: generated %.4f, target %.4f",
                        spec.id(), i, d, reuse[d - 1], target.reuse(d)).isLessThanOrEqualTo(reuseTol);
            }
            assertThat(Math.abs(top - target.topExpertShare())).as("%s MoE layer %d top share: generated %.4f, target %.4f",
                    spec.id(), i, top, target.topExpertShare()).isLessThanOrEqualTo(topTol);
            assertThat(Math.abs(cover - target.fracCover80())).as("%s MoE layer %d 80%% coverage: generated %.4f, target %.4f",
                    spec.id(), i, cover, target.fracCover80()).isLessThanOrEqualTo(coverTol);
        }
    }
}

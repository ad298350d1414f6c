package org.pocketsim.workload.synth;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pocketsim.workload.model.ModelSpec;
import org.pocketsim.workload.trace.ActivationPersistence;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Generated (fitted default persistences, magnitudes calibrated per prompt) vs real statistics of
 * the dense real model, per traced layer and tensor. Asserts what the generator meets; what it
 * does not (top-10% overlap of deep down_in, persistent channels, AR(1) of down_in's |x|) is
 * reported in docs/realdata.md with the measured gaps.
 */
class SyntheticVsRealTest {

    private static List<SyntheticVsReal.Row> rows;
    private static Path root;

    @BeforeAll
    static void compute() {
        root = TestData.repoRoot();
        ModelSpec spec = SyntheticVsReal.model(root);
        List<Path> dirs = SyntheticVsReal.traceDirs(root);
        rows = SyntheticVsReal.compare(dirs, spec, SyntheticVsReal.fit(dirs, spec),
                SynthParameters.DEFAULT_CHANNEL_PERSISTENCE, SynthParameters.DEFAULT_TEMPORAL_PERSISTENCE);
    }

    @Test
    void checkedInCsvIsWhatTheComparisonComputes() throws IOException {
        String csv = SyntheticVsReal.csv(rows, SynthParameters.DEFAULT_CHANNEL_PERSISTENCE, SynthParameters.DEFAULT_TEMPORAL_PERSISTENCE);
        assertThat(Files.readString(root.resolve(SyntheticVsReal.CSV))).isEqualTo(csv);
        assertThat(rows).extracting(r -> r.real().layer() + " " + r.real().kind().suffix())
                .containsExactly("0 mlp_in", "0 down_in", "3 mlp_in", "3 down_in", "7 mlp_in", "7 down_in");
    }

    @Test
    void realStatisticsEqualThoseOfStatsPyToItsFourDecimals() throws IOException {
        Map<String, String[]> py = new HashMap<>();
        List<String> lines = Files.readAllLines(root.resolve("data/traces/real/stats/activation-stats.csv"));
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            py.put(f[0] + " " + f[1] + " " + f[2], f);
        }
        for (SyntheticVsReal.Row r : rows) {
            ActivationPersistence.Pooled a = r.real();
            String[] f = py.get("pocketsim-llama-py " + a.layer() + " " + a.kind().suffix());
            assertThat(Integer.parseInt(f[3])).isEqualTo(a.width());
            // overlaps and persistent shares differ only through top-k ties of fp16 values (argpartition vs lower index first)
            for (int i = 0; i < 3; i++) assertThat(a.overlap()[i]).isCloseTo(Double.parseDouble(f[6 + i]), within(3e-4));
            // one channel of one of the four down_in traces (1 / 1536 / 4 = 1.6e-4) may flip through a tie
            assertThat(a.persistentShare()).isCloseTo(Double.parseDouble(f[9]), within(2e-4));
            assertThat(a.ar1AbsMedian()).isCloseTo(Double.parseDouble(f[10]), within(5e-5));
        }
    }

    @Test
    void generatedTopHalfOverlapIsWithinTwoHundredthsOfRealInEveryLayer() {
        for (SyntheticVsReal.Row r : rows) {
            assertThat(r.generated().overlap()[2]).as("top-50%% overlap, layer %d %s", r.real().layer(), r.real().kind())
                    .isCloseTo(r.real().overlap()[2], within(0.02));
        }
    }

    @Test
    void generatedOverlapsExceedRandomMasksAsRealOnesDoButTheTop10PercentFallsShort() {
        for (SyntheticVsReal.Row r : rows) {
            for (int i = 0; i < 3; i++) {
                double random = ActivationPersistence.TOP_FRACTIONS[i];
                assertThat(r.real().overlap()[i]).isGreaterThan(random + 0.02);
                assertThat(r.generated().overlap()[i]).isGreaterThan(random + 0.02);
            }
            // top-25%: within 0.03 except the deeper down_in layers (0.057, 0.083 short)
            double gap25 = r.real().overlap()[1] - r.generated().overlap()[1];
            assertThat(gap25).isBetween(-0.03, r.real().kind().suffix().equals("down_in") && r.real().layer() > 0 ? 0.09 : 0.03);
            // top-10%: the generator's Gaussian copula has no tail dependence; real is 0.03 to 0.14 higher
            double gap10 = r.real().overlap()[0] - r.generated().overlap()[0];
            assertThat(gap10).isBetween(0.02, 0.14);
        }
    }

    @Test
    void neitherRealNorGeneratedHasMoreThanOnePercentPersistentChannelsAndBothHaveWeakAr1() {
        for (SyntheticVsReal.Row r : rows) {
            assertThat(r.real().persistentShare()).isLessThanOrEqualTo(0.01);
            assertThat(r.generated().persistentShare()).isLessThanOrEqualTo(0.01);
            assertThat(r.real().ar1AbsMedian()).isBetween(0.0, 0.1);
            assertThat(r.generated().ar1AbsMedian()).isBetween(0.0, 0.1);
            boolean mlpIn = r.real().kind().suffix().equals("mlp_in");
            // mlp_in within 0.04; down_in's heavier tail dilutes the generated Pearson AR(1) of |x| (up to 0.08 short)
            assertThat(r.generated().ar1AbsMedian()).isCloseTo(r.real().ar1AbsMedian(), within(mlpIn ? 0.04 : 0.085));
        }
    }
}

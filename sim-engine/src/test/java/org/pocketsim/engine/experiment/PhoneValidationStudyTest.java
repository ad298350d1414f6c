package org.pocketsim.engine.experiment;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pocketsim.engine.result.Comparison;
import org.pocketsim.engine.result.ExperimentResult;
import org.pocketsim.engine.sweep.Progress;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The phone validation study (configs/phone-validation.yaml): 36 rows, 103 published numbers.
 * Pins every prediction (golden values), the targets that hold today, and, for those
 * that do not, today's error figures, so that a change of model (the CPU ComputeModel) shows
 * here as a change of these numbers. Targets (issue 15): decode median |error| <= 15% and every
 * H row within 30%; prefill median <= 25%; E1 average power and energy per output token median
 * <= 20% and every row within 35%.
 */
class PhoneValidationStudyTest {

    /** Predicted value of every comparison, in the config's reference order. */
    private static final double[] GOLDEN = {
            147.43705785156394, 2228.7893546416603, 9.738245173989702, 272.4198979391799,
            49.24045956191006, 714.2006903940007, 12.686900203015167, 560.6282770042585,
            28.34155797900402, 416.29405778778255, 14.139162942729827, 879.5848265038869,
            25.123487096469223, 357.4284216490423, 14.444178485706187, 976.0309042647413,
            64.37623179476823, 935.4472130602289, 11.342536675993362, 534.624110554482,
            11.07030130550896, 156.18745270991013, 15.975057436929848, 2054.66409677658,
            10.448481325849894, 147.05626045733408, 16.02825406620148, 2181.1380505044217,
            8.353701312822542, 119.46500914128552, 16.45935840586266, 2654.628474095573,
            183.3352182528801, 2228.7893546416603, 9.261654328332556, 246.10949263792193,
            58.761745535799754, 714.2006903940007, 12.173252310833341, 494.85072933266366,
            33.25495583231412, 416.3325726269043, 13.722841029034354, 772.3786850849468,
            29.454892339117343, 357.4284216490423, 14.02435661924051, 858.4412418540426,
            75.00032432572682, 935.4472130602289, 11.017528903673574, 480.51236225543596,
            12.871040798277257, 156.1653200781752, 15.681183068384644, 1804.040041589439,
            12.088879336393502, 147.05626045733408, 15.771994525556403, 1915.9667131080291,
            9.774197619884188, 119.46500914128552, 16.190781391128347, 2305.0776638664292,
            17.73156483374859, 341.2294517828308, 62.76612838434964, 682.4589035656616,
            62.76612838434964, 682.4589035656616, 6.816634158495503, 131.25489222780124,
            24.09376786012286, 262.50978445560247, 24.09376786012286, 262.50978445560247,
            82.72778354606723, 822.5570056930915, 82.19589703606214, 6577.961099774385,
            82.19589703606214, 6577.961099774385, 29.777482997659273, 2530.1901299856804,
            29.777482997659273, 69.51869166141631, 5265.256067351485, 21.00128359845359,
            1505.999710076984, 23.187667230221077, 2183.7665129320744, 224.51907372924128,
            11323.940074377491, 247.89311301212481, 16420.21639407289, 89.70266692692401,
            4536.385850086546, 99.04135528735205, 6577.961099774385, 36.124184625547024,
            1817.3253998790472, 39.88497027495664, 2635.2025998423906
    };

    @Test
    void predictionsAndTodaysErrorFigures(@TempDir Path dir) {
        LoadedExperiment exp = ExperimentLoader.load(DecodeBaselinesStudyTest.repoRoot().resolve("configs/phone-validation.yaml"), List.of());
        assertThat(exp.points()).hasSize(36);
        Progress quiet = new Progress(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), false, exp.points().size());
        ExperimentResult result = ExperimentRunner.run(exp, dir.resolve("state.jsonl"), 2, quiet);
        List<Comparison> all = result.comparisons();
        assertThat(all).hasSize(GOLDEN.length);
        for (int i = 0; i < GOLDEN.length; i++) {
            Comparison c = all.get(i);
            assertThat(c.predicted()).as(c.label() + " " + c.metric()).isCloseTo(GOLDEN[i], org.assertj.core.data.Percentage.withPercentage(1e-6));
        }
        Predicate<Comparison> e1 = c -> c.label().startsWith("E1 ");

        // Met today: E1 average power, median and every row (the 8 Elite's three energy numbers
        // are fitted on the eight Q4_K_M rows; the IQ4_XS rows are predictions).
        List<Comparison> power = of(all, "averagePowerW", e1);
        assertThat(power).hasSize(16);
        assertThat(median(power)).isCloseTo(0.0677, within(0.001)).isLessThanOrEqualTo(0.20);
        assertThat(worst(power)).isCloseTo(0.283, within(0.001)).isLessThanOrEqualTo(0.35);

        // Not met today, pinned as they are (see data/published/phone-validation-roles.csv for why):
        // E1 energy per output token over the window misses low because predicted CPU prefill and
        // decode are too short (with the measured times the same energy model is within 20%).
        List<Comparison> energy = of(all, "energyPerOutputTokenWindowMj", e1);
        assertThat(energy).hasSize(16);
        assertThat(median(energy)).isCloseTo(0.362, within(0.001));
        assertThat(worst(energy)).isCloseTo(0.468, within(0.001));
        // Decode: small models and NPU rows are predicted too fast (no per-node CPU cost, no QNN overhead).
        List<Comparison> decode = of(all, "tokensPerSecond", c -> true);
        assertThat(decode).hasSize(36);
        assertThat(median(decode)).isCloseTo(0.545, within(0.001));
        assertThat(worst(of(all, "tokensPerSecond", c -> !c.label().startsWith("P ")))).isCloseTo(2.264, within(0.001));
        // Prefill: CPU prefill at the profile's peak MAC rate is 2-11x too fast.
        List<Comparison> prefill = of(all, "prefillTokensPerSecond", c -> true);
        assertThat(prefill).hasSize(35);
        assertThat(median(prefill)).isCloseTo(4.659, within(0.001));
        // Rows that already land within the decode target's 30%: the bandwidth-bound ones.
        assertThat(of(all, "tokensPerSecond", c -> Math.abs(c.relativeError()) <= 0.30).stream().map(Comparison::label))
                .hasSize(10);
    }

    private static List<Comparison> of(List<Comparison> all, String metric, Predicate<Comparison> rows) {
        return all.stream().filter(c -> c.metric().equals(metric)).filter(rows).toList();
    }

    private static double median(List<Comparison> comparisons) {
        double[] e = comparisons.stream().mapToDouble(c -> Math.abs(c.relativeError())).sorted().toArray();
        return e.length % 2 == 1 ? e[e.length / 2] : (e[e.length / 2 - 1] + e[e.length / 2]) / 2;
    }

    private static double worst(List<Comparison> comparisons) {
        return Arrays.stream(comparisons.stream().mapToDouble(c -> Math.abs(c.relativeError())).toArray()).max().orElseThrow();
    }
}

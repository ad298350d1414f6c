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
 * that do not, today's error figures, so that a change of model shows here as a change of these
 * numbers. Every CPU row runs on the CPU model ({@code compute: {kind: cpu, threads: N}}). Targets (issue 15): decode median |error| <= 15% and every
 * H row within 30%; prefill median <= 25%; E1 average power and energy per output token median
 * <= 20% and every row within 35%.
 */
class PhoneValidationStudyTest {

    /** Predicted value of every comparison, in the config's reference order. */
    private static final double[] GOLDEN = {
            73.99367293661464, 722.6881016899736, 10.430751570089024, 372.8889195170424,
            37.28119786384957, 239.33737348233487, 12.497044696008144, 672.8832485244045,
            23.152814497574408, 139.92876815471752, 13.704240578099459, 1031.1129058439403,
            20.668265501702948, 120.6933311609379, 13.938723113677327, 1147.9050900899024,
            52.17322754699634, 316.80864823640513, 11.373634342372165, 601.6299566795209,
            10.249000124205407, 53.30821733484032, 15.390925203376094, 2286.8249617763163,
            9.621918209615522, 50.19732708499588, 15.372385452325192, 2458.302968426608,
            7.675519329066026, 40.730443224945084, 15.796978457225137, 2952.5990604106128,
            79.96576602702135, 462.16881840705213, 10.210559600861725, 361.55660965712724,
            40.12144866398986, 151.233421884263, 12.23191062592076, 665.9885641769744,
            25.803216479410302, 88.31735430918081, 13.289354197572035, 989.1258535134854,
            22.529684207244607, 76.05037762911765, 13.559415613466511, 1130.0892654090978,
            56.879874441406, 199.40677840495155, 11.202553233457888, 582.0870654411357,
            11.338465909041897, 33.456936667588245, 14.842856659945825, 2263.2253927307847,
            10.629780891234194, 31.503094433863794, 14.859807806853752, 2420.5928625994575,
            8.448880802420808, 25.57318631360807, 15.327104660758357, 2866.1678467686743,
            16.75431051499296, 167.77769801991218, 45.7888062190603, 374.41377795596185,
            45.7888062190603, 374.41377795596185, 6.555200617808861, 64.83248756557757,
            19.500119526433565, 145.50338655174008, 19.500119526433565, 145.50338655174008,
            61.44772545942482, 308.1560890573871, 82.19589703606214, 6577.961099774385,
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
        Predicate<Comparison> cpu = c -> c.label().startsWith("E1 ") || c.label().startsWith("C");

        // Met: E1 average power median; E1 energy per output token, every row within 35% (the 8 Elite's
        // three energy numbers are fitted on the eight Q4_K_M rows with their measured phase times; the
        // IQ4_XS rows are predictions).
        List<Comparison> power = of(all, "averagePowerW", e1);
        assertThat(power).hasSize(16);
        assertThat(median(power)).isCloseTo(0.0540, within(0.001)).isLessThanOrEqualTo(0.20);
        List<Comparison> energy = of(all, "energyPerOutputTokenWindowMj", e1);
        assertThat(energy).hasSize(16);
        assertThat(worst(energy)).isCloseTo(0.303, within(0.001)).isLessThanOrEqualTo(0.35);

        // Not met, pinned as they are (data/published/phone-validation-roles.csv says why for each row):
        // energy per token misses low (median, just over 20%) because the CPU prefill is predicted 1.9-3.8x
        // too fast, so the predicted window is short; for the same reason (and its decode 42% fast) Qwen2-0.5B
        // IQ4_XS's average power misses 35%.
        assertThat(median(energy)).isCloseTo(0.203, within(0.001));
        assertThat(worst(power)).isCloseTo(0.414, within(0.001));
        // Decode: the CPU rows (CpuCompute) have a median of 14%; the NPU rows are predicted too fast
        // (no QNN overhead) and carry the median over 15%.
        List<Comparison> decode = of(all, "tokensPerSecond", c -> true);
        assertThat(decode).hasSize(36);
        assertThat(median(decode)).isCloseTo(0.276, within(0.001));
        assertThat(median(of(all, "tokensPerSecond", cpu))).isCloseTo(0.137, within(0.001)).isLessThanOrEqualTo(0.15);
        assertThat(worst(of(all, "tokensPerSecond", c -> !c.label().startsWith("P ")))).isCloseTo(1.960, within(0.001));
        assertThat(worst(of(all, "tokensPerSecond", cpu))).isCloseTo(0.479, within(0.001));
        // Prefill: the CPU model's GEMM rates (assumed kernel shares, at the threads' mean clock, the dot-product
        // rate for types without llama.cpp's two-row SMMLA kernel) are still 1.4-3.8x what the phones measured.
        List<Comparison> prefill = of(all, "prefillTokensPerSecond", c -> true);
        assertThat(prefill).hasSize(35);
        assertThat(median(prefill)).isCloseTo(1.283, within(0.001));
        assertThat(median(of(all, "prefillTokensPerSecond", cpu))).isCloseTo(1.219, within(0.001));
        // Rows within the decode target's 30%: 18 of the 23 CPU rows and H3.
        assertThat(of(all, "tokensPerSecond", c -> Math.abs(c.relativeError()) <= 0.30).stream().map(Comparison::label))
                .hasSize(19);
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

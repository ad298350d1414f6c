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
            82.42259081291807, 832.8582619663123, 10.077670621250132, 343.6368801382703,
            37.39797263625123, 276.8306857024858, 12.50887633244514, 664.4738043597383,
            23.238667470937987, 161.94603957961206, 13.738144345503613, 1017.0559245411988,
            20.726782664378078, 139.69811306448236, 13.978983515792505, 1131.506121355365,
            52.26644227406196, 366.5541608928397, 11.371348504143358, 596.1517690077422,
            10.268265251671432, 61.75176367330919, 15.463855573133046, 2253.9761709116965,
            9.64071828149655, 58.15008413283758, 15.45482033093466, 2418.246552008305,
            7.689547259116145, 47.17565364277632, 15.873228992859216, 2913.5619869768725,
            86.08517603608917, 832.8582619663123, 9.93803699590228, 333.0180034989117,
            40.25672635227975, 276.8306857024858, 12.273066132596258, 625.5960201086256,
            25.90944041615888, 161.92314664822516, 13.42356378493671, 924.4361138277313,
            22.59923405110521, 139.69811306448236, 13.733924020656719, 1049.7828101720143,
            56.99068378597593, 366.5541608928397, 11.182250226107383, 554.5672703396524,
            11.362272640458553, 61.75986233773243, 15.210897134518929, 2081.0974511650716,
            10.652730416490535, 58.15008413283758, 15.249103183118965, 2216.958097276693,
            8.465881095128251, 47.17565364277632, 15.694391995656686, 2669.767056525038,
            16.76077738672102, 175.70607165106293, 45.83713995457646, 391.93914936442866,
            45.83713995457646, 391.93914936442866, 6.557145427652332, 67.90384509096263,
            19.517339569459732, 152.35203725172056, 19.517339569459732, 152.35203725172056,
            61.503591542699404, 315.31470736382, 82.19589703606214, 6577.961099774385,
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
        assertThat(median(power)).isCloseTo(0.0518, within(0.001)).isLessThanOrEqualTo(0.20);
        List<Comparison> energy = of(all, "energyPerOutputTokenWindowMj", e1);
        assertThat(energy).hasSize(16);
        assertThat(worst(energy)).isCloseTo(0.349, within(0.001)).isLessThanOrEqualTo(0.35);

        // Not met, pinned as they are (data/published/phone-validation-roles.csv says why for each row):
        // energy per token misses low (median) because the CPU prefill is predicted 2-4x too fast, so the
        // predicted window is short; for the same reason Qwen2-0.5B IQ4_XS's average power misses 35%.
        assertThat(median(energy)).isCloseTo(0.257, within(0.001));
        assertThat(worst(power)).isCloseTo(0.376, within(0.001));
        // Decode: the CPU rows (CpuCompute) have a median of 14%; the NPU rows are predicted too fast
        // (no QNN overhead) and carry the median over 15%.
        List<Comparison> decode = of(all, "tokensPerSecond", c -> true);
        assertThat(decode).hasSize(36);
        assertThat(median(decode)).isCloseTo(0.278, within(0.001));
        assertThat(median(of(all, "tokensPerSecond", cpu))).isCloseTo(0.137, within(0.001)).isLessThanOrEqualTo(0.15);
        assertThat(worst(of(all, "tokensPerSecond", c -> !c.label().startsWith("P ")))).isCloseTo(1.960, within(0.001));
        assertThat(worst(of(all, "tokensPerSecond", cpu))).isCloseTo(0.634, within(0.001));
        // Prefill: the CPU model's GEMM rates (assumed kernel shares) are still 2-4x what the phones measured.
        List<Comparison> prefill = of(all, "prefillTokensPerSecond", c -> true);
        assertThat(prefill).hasSize(35);
        assertThat(median(prefill)).isCloseTo(2.183, within(0.001));
        assertThat(median(of(all, "prefillTokensPerSecond", cpu))).isCloseTo(2.211, within(0.001));
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

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
 * The phone validation study (configs/phone-validation.yaml): 37 rows, 105 published numbers.
 * Pins every prediction (golden values), the targets that hold today, and, for those
 * that do not, today's error figures, so that a change of model shows here as a change of these
 * numbers. Every CPU row runs on the CPU model ({@code compute: {kind: cpu, threads: N}}). Targets (issue 15): decode median |error| <= 15% and every
 * H row within 30%; prefill median <= 25%; E1 average power and energy per output token median
 * <= 20% and every row within 35%.
 */
class PhoneValidationStudyTest {

    /** Predicted value of every comparison, in the config's reference order. */
    private static final double[] GOLDEN = {
            65.57949405807614, 350.77395813577755, 10.522747604065069, 412.11561058637955,
            34.66784610897831, 98.19971359033845, 12.366234692207954, 776.6198867492467,
            21.702663719174577, 51.32474123727983, 13.336212533790082, 1219.6059296564163,
            19.615014658340716, 46.605554704628865, 13.524558841686673, 1352.9386564318556,
            44.19124140789696, 119.98559236405303, 11.40971501284553, 703.2983465893195,
            10.040917391030852, 19.92350408629715, 14.683541729037689, 2686.8064667615945,
            9.464016710761708, 18.631882741331705, 14.59504892766528, 2945.476325691241,
            7.543848017862939, 15.60425523551041, 15.06019152959931, 3411.7440685106553,
            70.17544308219196, 268.48354813944707, 10.327947623220409, 402.21740458535953,
            37.061996476680754, 74.76090943831286, 12.13577460074585, 780.5756602434445,
            24.01487479566576, 39.04491296502478, 12.967424752550777, 1197.1410581309954,
            21.256365806884407, 35.44386848985944, 13.185040783314788, 1361.4531160536737,
            47.52194259434583, 91.28887565414789, 11.26843308017665, 692.7873675187931,
            11.064029457592499, 15.135185611145685, 14.140709532399912, 2765.5330699498086,
            10.390475476497604, 14.151794718738882, 14.132996431384113, 2988.11975214752,
            8.289614471003341, 11.853980056054027, 14.601113277870292, 3387.8301855484065,
            16.75431051499296, 211.02468858682283, 45.590139171152934, 374.33811621858996,
            45.590139171152934, 374.33811621858996, 6.555200617808861, 73.57194734348778,
            19.374277289836318, 131.34980461164037, 19.374277289836318, 131.34980461164037,
            46.47729000992055, 200.56418535903316, 91.94640879919803, 1677.1019677996421,
            51.11220894114171, 4271.6301891171515, 48.42574156343856, 4271.6301891171515,
            25.426027378792305, 1886.989366691668, 23.186471709042422, 40.40103503596568,
            3347.960856785219, 14.187691582479854, 1147.8790940407287, 15.470953293448737,
            1609.394925761045, 64.67747339778555, 5368.073725076824, 66.65353733200915,
            6486.273247302274, 43.79384639901469, 3064.0845413249003, 46.124013886039,
            3987.6804064227244, 25.313640343335088, 1459.709213528166, 27.189447330380972,
            2007.4341053849696
    };

    @Test
    void predictionsAndTodaysErrorFigures(@TempDir Path dir) {
        LoadedExperiment exp = ExperimentLoader.load(DecodeBaselinesStudyTest.repoRoot().resolve("configs/phone-validation.yaml"), List.of());
        assertThat(exp.points()).hasSize(37);
        Progress quiet = new Progress(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), false, exp.points().size());
        ExperimentResult result = ExperimentRunner.run(exp, dir.resolve("state.jsonl"), 2, quiet);
        List<Comparison> all = result.comparisons();
        assertThat(all).hasSize(GOLDEN.length);
        for (int i = 0; i < GOLDEN.length; i++) {
            Comparison c = all.get(i);
            assertThat(c.predicted()).as(c.label() + " " + c.metric()).isCloseTo(GOLDEN[i], org.assertj.core.data.Percentage.withPercentage(1e-6));
        }
        Predicate<Comparison> e1 = c -> c.label().startsWith("E1 ");
        Predicate<Comparison> cpu = c -> (c.label().startsWith("E1 ") || c.label().startsWith("C")) && !c.label().contains(" GPU,");

        // Met: E1 average power median; E1 energy per output token, median and every row within 35% (the 8
        // Elite's three energy numbers are fitted on the eight Q4_K_M rows with their measured phase times; the
        // IQ4_XS rows are predictions).
        List<Comparison> power = of(all, "averagePowerW", e1);
        assertThat(power).hasSize(16);
        assertThat(median(power)).isCloseTo(0.0608, within(0.001)).isLessThanOrEqualTo(0.20);
        List<Comparison> energy = of(all, "energyPerOutputTokenWindowMj", e1);
        assertThat(energy).hasSize(16);
        assertThat(median(energy)).isCloseTo(0.0983, within(0.001)).isLessThanOrEqualTo(0.20);
        assertThat(worst(energy)).isCloseTo(0.1645, within(0.001)).isLessThanOrEqualTo(0.35);

        // Met: decode median (the CPU rows, CpuCompute, have a median of 10%; the NPU rows pay QNN's measured
        // 2.12 ms per graph execution, npuGraphs, and Phi-3.5-mini reads its whole static 4096-token KV).
        List<Comparison> decode = of(all, "tokensPerSecond", c -> true);
        assertThat(decode).hasSize(37);
        assertThat(median(decode)).isCloseTo(0.1375, within(0.001)).isLessThanOrEqualTo(0.15);

        // Not met, pinned as they are (data/published/phone-validation-roles.csv says why for each row):
        // Qwen2-0.5B IQ4_XS's average power misses 35% because its decode is predicted 25% fast (more bytes a second).
        assertThat(worst(power)).isCloseTo(0.4302, within(0.001));
        // Every H row within 30%: the w4a16 rows are (H1, H3, H6, H7 within 10%); the w4 rows (H2, H4, H5) run
        // 1.6-1.7x slower than w4a16 on the phone, which a bandwidth-bound NPU model cannot show; the
        // PowerServe rows miss both ways.
        assertThat(median(of(all, "tokensPerSecond", cpu))).isCloseTo(0.0944, within(0.001)).isLessThanOrEqualTo(0.15);
        assertThat(worst(of(all, "tokensPerSecond", c -> c.label().startsWith("H")))).isCloseTo(0.7200, within(0.001));
        assertThat(worst(of(all, "tokensPerSecond", c -> c.label().startsWith("P ")))).isCloseTo(0.3912, within(0.001));
        assertThat(worst(of(all, "tokensPerSecond", cpu))).isCloseTo(0.2999, within(0.001));
        // Prefill: llama.cpp's GEMM rates are measured (ggml's prompt rates on an M2 Max, KernelLibrary) and its prompt
        // gets logits for the last position only (prefillLogits: last): the E1 rows have a median of 7%, Qwen2-0.5B
        // +85%. XNNPACK's i8mm GEMM is measured on an 8 Elite core per block size; ExecuTorch's exports also take the
        // last position's logits and keep an fp32 KV cache, whose attention runs at half the fp16 rate: the 32-weight
        // group rows (C2, C3, C5, C6) are +44% to +49% (ExecuTorch ran KleidiAI's kernels, whose rate no source gives),
        // the BF16 rows 3.5x. LiteRT's prefill makes no logits (prefillLogits: none): C7 -17.5%, C8 -10.6%. The NPU
        // rows (assumed MAC rates) are fast. Static graphs (kvWindow: the AI Hub, PowerServe and LiteRT-LM rows)
        // multiply every prompt token with the whole window.
        List<Comparison> prefill = of(all, "prefillTokensPerSecond", c -> true);
        assertThat(prefill).hasSize(36);
        assertThat(median(prefill)).isCloseTo(0.3092, within(0.001));
        assertThat(median(of(all, "prefillTokensPerSecond", cpu))).isCloseTo(0.0979, within(0.001));
        assertThat(median(of(all, "prefillTokensPerSecond", e1))).isLessThanOrEqualTo(0.25);
        // The GPU row (C8, LiteRT-LM on the Adreno 750): prefill 11% slow at the GPU's estimated peak and assumed
        // utilisation; decode twice as fast as measured (no GPU kernel overhead is modelled, and LiteRT-LM's GPU
        // decodes no faster than its CPU on this phone).
        List<Comparison> gpu = of(all, "tokensPerSecond", c -> c.label().contains(" GPU,"));
        assertThat(gpu).hasSize(1);
        assertThat(gpu.get(0).relativeError()).isCloseTo(1.063, within(0.001));
        assertThat(of(all, "prefillTokensPerSecond", c -> c.label().contains(" GPU,")).get(0).relativeError()).isCloseTo(-0.106, within(0.001));
        // Rows within the decode target's 30%: all 23 CPU rows, H1, H3, H6, H7 and the four PowerServe rows of
        // Llama-3.2-1B and Qwen2.5-3B.
        assertThat(of(all, "tokensPerSecond", c -> Math.abs(c.relativeError()) <= 0.30).stream().map(Comparison::label))
                .hasSize(31);
        assertThat(of(all, "tokensPerSecond", c -> c.label().startsWith("H") && Math.abs(c.relativeError()) > 0.30)
                .stream().map(c -> c.label().substring(0, 2))).containsExactly("H2", "H4", "H5");
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

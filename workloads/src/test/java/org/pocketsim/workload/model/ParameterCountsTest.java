package org.pocketsim.workload.model;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

class ParameterCountsTest {

    @ParameterizedTest(name = "{0}: {1}B total, {2}B active within 1%")
    @CsvSource({
            "qwen1.5-moe-a2.7b, 14.3, 2.7",
            "phi3.5-moe, 41.9, 6.6",
            "mixtral-8x7b, 46.7, 12.9",
            "qwen3-30b-a3b, 30.5, ",
            "deepseek-v2-lite, 15.7, ",
            "phi3-medium-4k, 13.96, 13.96",
            "llama3-8b, 8.03, 8.03",
            "mistral-7b-v0.1, 7.24, 7.24",
            "olmoe-1b-7b-0924, 6.92, 1.28",
            "deepseek-moe-16b, 16.38, 2.83",
            "opt-6.7b, 6.7, 6.7",
            "qwen3-next-80b-a3b, 80, "})
    void computedCountsMatchPublishedTotalsWithinOnePercent(String id, double totalB, Double activeB) {
        ParameterCounts c = ModelCatalog.load(id).parameterCounts();
        assertThat(c.total() / 1e9).isCloseTo(totalB, withinPercentage(1));
        if (activeB != null) assertThat(c.active() / 1e9).isCloseTo(activeB, withinPercentage(1));
    }

    @Test
    void qwen3ActiveCountIsTheExactSumAndRoundsToThePublishedThreePointThree() {
        // 3.353B: the card's "3.3B" is this figure truncated; within 2% but not 1%.
        long active = ModelCatalog.load("qwen3-30b-a3b").parameterCounts().active();
        assertThat(active).isEqualTo(3_353_032_704L);
        assertThat(active / 1e9).isCloseTo(3.3, withinPercentage(2));
    }

    @Test
    void deepseekV2LiteActiveMatchesPublishedWhenTheInputEmbeddingIsLeftOut() {
        // Published "2.4B" active; with both vocab tables the exact count is 2.661B, without the
        // input embedding (a lookup, not a matmul) 2.451B.
        ParameterCounts c = ModelCatalog.load("deepseek-v2-lite").parameterCounts();
        assertThat(c.active()).isEqualTo(2_661_150_208L);
        long withoutInputEmbedding = c.active() - c.params(Component.EMBEDDING);
        assertThat(withoutInputEmbedding).isEqualTo(2_451_435_008L);
        assertThat(withoutInputEmbedding / 1e9).isCloseTo(2.4, within(0.06));
    }

    @Test
    void llama2SevenBCountsAreExactPerComponent() {
        ParameterCounts c = ModelCatalog.load("llama2-7b").parameterCounts();
        assertThat(c.params(Component.EMBEDDING)).isEqualTo(32_000L * 4096);
        assertThat(c.params(Component.LM_HEAD)).isEqualTo(32_000L * 4096);
        assertThat(c.params(Component.ATTENTION)).isEqualTo(32L * 4 * 4096 * 4096);
        assertThat(c.params(Component.DENSE_MLP)).isEqualTo(32L * 3 * 4096 * 11008);
        assertThat(c.params(Component.NORMS)).isEqualTo(65L * 4096);
        assertThat(c.params(Component.ROUTED_EXPERTS)).isZero();
        assertThat(c.total()).isEqualTo(6_738_415_616L);
        assertThat(c.active()).isEqualTo(c.total());
    }

    @Test
    void exactCountsOfDensePresetsMatchTheReferenceFigures() {
        assertThat(ModelCatalog.load("phi3-mini-4k").parameterCounts().total()).isEqualTo(3_821_079_552L);
        assertThat(ModelCatalog.load("phi3-medium-4k").parameterCounts().total()).isEqualTo(13_960_238_080L);
        assertThat(ModelCatalog.load("llama3-8b").parameterCounts().total()).isEqualTo(8_030_261_248L);
        assertThat(ModelCatalog.load("llama3.1-8b").parameterCounts().total()).isEqualTo(8_030_261_248L);
        assertThat(ModelCatalog.load("mistral-7b-v0.1").parameterCounts().total()).isEqualTo(7_241_732_096L);
    }

    @Test
    void mixtralCountsAreExactWithTwoOfEightExpertsActive() {
        ParameterCounts c = ModelCatalog.load("mixtral-8x7b").parameterCounts();
        assertThat(c.params(Component.ROUTED_EXPERTS)).isEqualTo(32L * 8 * 3 * 4096 * 14336);
        assertThat(c.activeRoutedExperts()).isEqualTo(32L * 2 * 3 * 4096 * 14336);
        assertThat(c.params(Component.ROUTERS)).isEqualTo(32L * 8 * 4096);
        assertThat(c.total()).isEqualTo(46_702_792_704L);
        assertThat(c.active()).isEqualTo(12_879_925_248L);
    }

    @Test
    void qwenMoeCountsIncludeQkvBiasesSharedExpertAndItsGate() {
        ParameterCounts c = ModelCatalog.load("qwen1.5-moe-a2.7b").parameterCounts();
        assertThat(c.params(Component.SHARED_EXPERTS)).isEqualTo(24L * (3 * 2048 * 5632 + 2048));
        assertThat(c.vectorParams(Component.ATTENTION)).isEqualTo(24L * 3 * 2048);
        assertThat(c.total()).isEqualTo(14_315_784_192L);
        assertThat(c.active()).isEqualTo(2_689_173_504L);
    }

    @Test
    void optCountsBiasesLearnedPositionsAndTiedHead() {
        ParameterCounts c = ModelCatalog.load("opt-6.7b").parameterCounts();
        assertThat(c.params(Component.LM_HEAD)).isZero();
        assertThat(c.params(Component.EMBEDDING)).isEqualTo((50_272L + 2050) * 4096);
        assertThat(c.vectorParams(Component.DENSE_MLP)).isEqualTo(32L * (16384 + 4096));
        assertThat(c.total()).isEqualTo(6_658_473_984L);
    }

    @Test
    void qwen3NextHybridCountsAreExactPerComponentAndActiveIsPinned() {
        // Qwen/Qwen3-Next-80B-A3B-Instruct@main:config.json; 36 Gated DeltaNet + 12 gated-attention layers.
        ParameterCounts c = ModelCatalog.load("qwen3-next-80b-a3b").parameterCounts();
        long deltaNetMatrices = 2048L * (2 * 2048 + 2 * 4096) + 2048L * 64 + 4096L * 2048; // in_qkvz, in_ba, out
        long deltaNetVectors = 8192L * 4 + 32 + 32 + 128;                                 // conv taps, dt_bias, A_log, gated norm
        long gatedAttention = 2048L * 2 * 16 * 256 + 2 * 2048L * 2 * 256 + 16L * 256 * 2048; // q+gate, k, v, o
        assertThat(c.params(Component.ATTENTION))
                .isEqualTo(36 * (deltaNetMatrices + deltaNetVectors) + 12 * (gatedAttention + 2 * 256));
        assertThat(c.params(Component.ROUTED_EXPERTS)).isEqualTo(48L * 512 * 3 * 2048 * 512);
        assertThat(c.params(Component.SHARED_EXPERTS)).isEqualTo(48L * (3 * 2048 * 512 + 2048));
        assertThat(c.params(Component.ROUTERS)).isEqualTo(48L * 512 * 2048);
        assertThat(c.params(Component.DENSE_MLP)).isZero();
        assertThat(c.total()).isEqualTo(79_674_391_296L);
        // The card's "3B activated" is far below the exact 3.875B with both vocab tables (0.311B each):
        // without the input embedding and the LM head the count is 3.253B, which the card rounds down to 3B.
        assertThat(c.active()).isEqualTo(3_874_929_408L);
        long withoutVocabTables = c.active() - c.params(Component.EMBEDDING) - c.params(Component.LM_HEAD);
        assertThat(withoutVocabTables).isEqualTo(3_252_599_552L);
        assertThat(withoutVocabTables / 1e9).isCloseTo(3.0, within(0.26));
    }
}

package org.pocketsim.workload.model;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ModelCatalogTest {

    @Test
    void listsAllTwentyFivePresets() {
        assertThat(ModelCatalog.ids()).containsExactlyInAnyOrder(
                "phi3-mini-4k", "phi3-medium-4k", "llama2-7b", "llama3-8b", "llama3.1-8b", "mistral-7b-v0.1",
                "qwen1.5-moe-a2.7b", "deepseek-v2-lite", "deepseek-moe-16b", "mixtral-8x7b", "olmoe-1b-7b-0924",
                "phi3.5-moe", "qwen3-30b-a3b", "opt-6.7b", "qwen3-next-80b-a3b",
                // the small dense models of the phone validation study
                "qwen2-0.5b", "qwen2.5-1.5b", "qwen2.5-3b", "qwen2.5-7b", "llama3.2-1b", "llama3.2-3b", "phi-2",
                "gemma2-9b", "gemma3-1b", "phi3.5-mini");
    }

    @Test
    void everyPresetLoadsWithItsOwnIdAndMatchesItsPublishedTotalWithinOnePercent() {
        for (String id : ModelCatalog.ids()) {
            ModelSpec spec = ModelCatalog.load(id);
            assertThat(spec.id()).isEqualTo(id);
            double totalB = spec.parameterCounts().total() / 1e9;
            assertThat(Math.abs(totalB / spec.published().totalB() - 1)).as(id).isLessThan(0.01);
        }
    }

    @Test
    void presetsCarryTheArchitectureFacts() {
        ModelSpec olmoe = ModelCatalog.load("olmoe-1b-7b-0924");
        assertThat(olmoe.moe().experts()).isEqualTo(64);
        assertThat(olmoe.moe().topK()).isEqualTo(8);
        assertThat(olmoe.attention().qkNorm()).isEqualTo(QkNorm.FULL);
        ModelSpec mistral = ModelCatalog.load("mistral-7b-v0.1");
        assertThat(mistral.attention().slidingWindow()).isEqualTo(4096);
        assertThat(mistral.attention().kind()).isEqualTo(AttentionKind.GQA);
        ModelSpec opt = ModelCatalog.load("opt-6.7b");
        assertThat(opt.activation()).isEqualTo(Activation.RELU);
        assertThat(opt.tiedEmbeddings()).isTrue();
        assertThat(opt.norm()).isEqualTo(NormKind.LAYER);
        ModelSpec qwen = ModelCatalog.load("qwen1.5-moe-a2.7b");
        assertThat(qwen.moe().sharedExpertGate()).isTrue();
        assertThat(qwen.moe().sharedIntermediate()).isEqualTo(5632);
    }

    @Test
    void unknownIdIsAnErrorListingKnownIds() {
        assertThatThrownBy(() -> ModelCatalog.load("gpt-5"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown model 'gpt-5'")
                .hasMessageContaining("llama3-8b");
    }
}

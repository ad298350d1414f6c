package org.pocketsim.engine.decode;

import org.junit.jupiter.api.Test;
import org.pocketsim.workload.model.ModelCatalog;
import org.pocketsim.workload.model.ModelSpec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DecodeLoweringTest {

    private final ModelSpec llama2 = ModelCatalog.load("llama2-7b");

    @Test
    void llama2SevenBAtFourBitsReadsTheHandComputedBytesPerToken() {
        DecodeLowering lowering = new DecodeLowering(llama2, WeightPlan.of("int4", null, 32), 16);
        WorkGroup g = new WorkGroup();
        lowering.lowerStatic(100, g);
        long attention = 32L * 4 * 4096 * 4096 / 2;          // q, k, v, o at 4 bits
        long kv = 100L * 32 * 2 * 32 * 128 * 2;               // 100 tokens x layers x (k, v) x heads x headDim x fp16
        long norms = (2L * 32 + 1) * 4096 * 2;                // two per layer + final, fp16
        long embeddingRow = 4096 / 2;
        long lmHead = 32000L * 4096 / 2;
        assertThat(g.componentBytes[Component.ATTENTION.ordinal()]).isEqualTo(1_073_741_824L).isEqualTo(attention);
        assertThat(g.componentBytes[Component.KV_CACHE.ordinal()]).isEqualTo(52_428_800L).isEqualTo(kv);
        assertThat(g.componentBytes[Component.NORMS.ordinal()]).isEqualTo(532_480L).isEqualTo(norms);
        assertThat(g.componentBytes[Component.EMBEDDING.ordinal()]).isEqualTo(embeddingRow);
        assertThat(g.componentBytes[Component.LM_HEAD.ordinal()]).isEqualTo(65_536_000L).isEqualTo(lmHead);
        assertThat(g.dramBytes).isEqualTo(attention + kv + norms + embeddingRow + lmHead);
        assertThat(g.flashBytes).isZero();
        assertThat(lowering.denseMlpBytes()).isEqualTo(32L * 3 * 4096 * 11008 / 2).isEqualTo(2_164_260_864L);
        // MACs: every weight once, plus scores and values over 100 cached tokens (32 layers x 32 heads x 128 x 2)
        long scoreMacs = 100L * 32 * 32 * 128 * 2;
        assertThat(g.macs).isEqualTo(32L * 4 * 4096 * 4096 + 32000L * 4096 + scoreMacs);
    }

    @Test
    void aTiedTableIsHeldOnceInTheLmHeadsFormat() {
        // Qwen2-0.5B ties its 151,936 x 896 table; llama.cpp stores a tied table as the output matrix
        // (src/llama-quant.cpp), so its footprint follows the LM head's format, not the embedding's:
        // q8_0 (34 bytes a 32-weight block) against q4_0 (18 bytes) is 151,936 x 896 / 32 x 16 bytes more
        ModelSpec qwen = ModelCatalog.load("qwen2-0.5b");
        long q8 = new DecodeLowering(qwen, WeightPlan.of("int4", "q8_0", qwen.layers()), 16).staticFootprintBytes();
        long q4 = new DecodeLowering(qwen, WeightPlan.of("int4", "q4_0", qwen.layers()), 16).staticFootprintBytes();
        assertThat(q8 - q4).isEqualTo(151_936L * 896 / 32 * 16);
        // an untied model holds both: the embedding table in its format and the head
        assertThat(new DecodeLowering(llama2, WeightPlan.of("int4", null, 32), 16).staticFootprintBytes())
                .isEqualTo(32000L * 4096 / 2 + 32000L * 4096 / 2 + 32L * 4 * 4096 * 4096 / 2 + (2L * 32 + 1) * 4096 * 2);
    }

    @Test
    void aSlidingWindowCapsTheKvCacheReadAndItsScores() {
        ModelSpec mistral = ModelCatalog.load("mistral-7b-v0.1"); // window 4096, 8 KV heads of 128
        DecodeLowering lowering = new DecodeLowering(mistral, WeightPlan.of("int4", null, 32), 16);
        WorkGroup inside = new WorkGroup();
        lowering.lowerStatic(4000, inside);
        WorkGroup beyond = new WorkGroup();
        lowering.lowerStatic(10_000, beyond);
        assertThat(inside.componentBytes[Component.KV_CACHE.ordinal()]).isEqualTo(4000L * 32 * 2 * 8 * 128 * 2);
        assertThat(beyond.componentBytes[Component.KV_CACHE.ordinal()]).isEqualTo(4096L * 32 * 2 * 8 * 128 * 2);
        assertThat(beyond.macs - inside.macs).isEqualTo(96L * 32 * 32 * 128 * 2);
    }

    @Test
    void hybridModelCachesKvOnlyInFullLayersAndReadsAndWritesAFixedStateInLinearLayers() {
        ModelSpec next = ModelCatalog.load("qwen3-next-80b-a3b"); // 12 gated-attention + 36 Gated DeltaNet layers
        DecodeLowering lowering = new DecodeLowering(next, WeightPlan.of("int4", null, 48), 16);
        WorkGroup shorter = new WorkGroup();
        lowering.lowerStatic(100, shorter);
        WorkGroup longer = new WorkGroup();
        lowering.lowerStatic(200, longer);
        long state = 36L * (32 * 128 * 128 + 8192 * 3) * 2;           // per layer: 32 heads x 128 x 128 + 3 conv inputs x 8192, fp16
        assertThat(lowering.recurrentStateBytes()).isEqualTo(state);
        assertThat(shorter.componentBytes[Component.RECURRENT_STATE.ordinal()]).isEqualTo(2 * state); // read and written
        assertThat(longer.componentBytes[Component.RECURRENT_STATE.ordinal()]).isEqualTo(2 * state);
        assertThat(shorter.componentBytes[Component.KV_CACHE.ordinal()]).isEqualTo(100L * 12 * 2 * 2 * 256 * 2);
        assertThat(lowering.kvBytes(100)).isEqualTo(100L * 12 * 2 * 2 * 256 * 2);
        // only the 12 full layers attend: 16 heads x 256 x 2 MACs per cached token each
        assertThat(longer.macs - shorter.macs).isEqualTo(100L * 12 * 16 * 256 * 2);
        assertThat(lowering.scoreMacsPerCachedToken()).isEqualTo(12L * 16 * 256 * 2);
        long deltaNetMixer = 8192L * 4 + 4L * 32 * 128 * 128;          // conv taps + delta-rule update per token
        long projections = 36L * (2048L * 12288 + 2048L * 64 + 4096L * 2048) + 12L * (2048L * 8192 + 2 * 2048L * 512 + 4096L * 2048);
        long moe = 48L * (512 * 2048 + 2048) + 48L * 3 * 2048 * 512 + 48L * 10 * 3 * 2048 * 512; // routers+gates, shared, top-10
        assertThat(lowering.matrixMacsPerToken()).isEqualTo(projections + 36 * deltaNetMixer + 151_936L * 2048 + moe);
        assertThat(shorter.macs).isEqualTo(lowering.matrixMacsPerToken() + 100L * lowering.scoreMacsPerCachedToken());
        assertThat(lowering.staticFootprintBytes()).isGreaterThan(state);
        DecodeLowering fp32State = new DecodeLowering(next, WeightPlan.of("int4", null, 48), 16, 32);
        assertThat(fp32State.recurrentStateBytes()).isEqualTo(2 * state);
        assertThat(new DecodeLowering(llama2, WeightPlan.of("int4", null, 32), 16).recurrentStateBytes()).isZero();
    }

    @Test
    void placementKeepsWhatFitsAndStreamsOrRejectsTheRest() {
        Placement fits = Placement.plan(100, 80, 10, 200, Long.MAX_VALUE, false);
        assertThat(fits.streamedBytesPerToken()).isZero();
        assertThat(fits.dramFootprintBytes()).isEqualTo(110);

        Placement budget = Placement.plan(100, 80, 10, 200, 30, true);
        assertThat(budget.residentWeightBytes()).isEqualTo(30);
        assertThat(budget.streamedBytesPerToken()).isEqualTo(70);

        Placement capped = Placement.plan(100, 50, 10, 200, 0, true);
        assertThat(capped.streamedBytesPerToken()).isEqualTo(50); // never more than a token reads

        assertThatThrownBy(() -> Placement.plan(100, 80, 10, 60, Long.MAX_VALUE, false))
                .hasMessageContaining("weights need 0.00 GB but only 0.00 GB of DRAM is left");
        assertThatThrownBy(() -> Placement.plan(100, 80, 300, 200, Long.MAX_VALUE, true))
                .hasMessageContaining("the KV cache");
    }
}

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

package org.pocketsim.workload.model;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FootprintTest {

    @Test
    void int4WithFp16ScalePerGroupOf128CostsFourPointOneTwoFiveBits() {
        assertThat(WeightPrecision.INT4_G128.bitsPerWeight()).isEqualTo(4.125);
        assertThat(WeightPrecision.grouped(8, 16, 32, "q8").bitsPerWeight()).isEqualTo(8.5);
        assertThat(WeightPrecision.INT4_G128.bytes(3)).isEqualTo(2); // 12.375 bits round up
    }

    @Test
    void llama2Int4FootprintIsHandComputedPerComponent() {
        Footprint f = ModelCatalog.load("llama2-7b").footprint(WeightPrecision.INT4_G128, 4096, 16);
        assertThat(f.bytes(Component.EMBEDDING)).isEqualTo(67_584_000L);
        assertThat(f.bytes(Component.LM_HEAD)).isEqualTo(67_584_000L);
        assertThat(f.bytes(Component.ATTENTION)).isEqualTo(1_107_296_256L);
        assertThat(f.bytes(Component.DENSE_MLP)).isEqualTo(2_231_894_016L);
        assertThat(f.bytes(Component.NORMS)).isEqualTo(65L * 4096 * 2);
        // 32 layers x 2 x 32 heads x 128 x 4096 tokens x 2 bytes = 2 GiB
        assertThat(f.kvCacheBytes()).isEqualTo(2_147_483_648L);
        assertThat(f.totalBytes()).isEqualTo(67_584_000L * 2 + 1_107_296_256L + 2_231_894_016L + 532_480L + 2_147_483_648L);
    }

    @Test
    void fp16FootprintIsTwoBytesPerParameter() {
        ModelSpec spec = ModelCatalog.load("phi3-medium-4k");
        Footprint f = spec.footprint(WeightPrecision.FP16, 0, 16);
        assertThat(f.weightTotalBytes()).isEqualTo(2 * spec.parameterCounts().total());
        assertThat(f.kvCacheBytes()).isZero();
    }

    @Test
    void slidingWindowCapsTheKvCache() {
        Footprint f = ModelCatalog.load("mistral-7b-v0.1").footprint(WeightPrecision.FP16, 8192, 16);
        assertThat(f.kvCacheBytes()).isEqualTo(32L * 2 * 8 * 128 * 4096 * 2);
    }

    @Test
    void mlaCachesFiveHundredSeventySixValuesPerTokenPerLayer() {
        Footprint f = ModelCatalog.load("deepseek-v2-lite").footprint(WeightPrecision.FP16, 1000, 8);
        assertThat(f.kvCacheBytes()).isEqualTo(27L * 576 * 1000);
    }

    @Test
    void routedAndSharedExpertsAreSizedSeparatelyAndRoutersStayAtSixteenBits() {
        Footprint f = ModelCatalog.load("deepseek-moe-16b").footprint(WeightPrecision.INT4_G128, 0, 16);
        assertThat(f.bytes(Component.ROUTED_EXPERTS)).isEqualTo(27L * 64 * 3 * 2048 * 1408 * 33 / 64);
        assertThat(f.bytes(Component.SHARED_EXPERTS)).isEqualTo(27L * 2 * 3 * 2048 * 1408 * 33 / 64);
        assertThat(f.bytes(Component.DENSE_MLP)).isEqualTo(3L * 2048 * 10944 * 33 / 64);
        assertThat(f.bytes(Component.ROUTERS)).isEqualTo(27L * 64 * 2048 * 2);
    }

    @Test
    void nonPositiveKvBitsAreRejected() {
        ModelSpec spec = ModelCatalog.load("llama2-7b");
        assertThatThrownBy(() -> spec.footprint(WeightPrecision.FP16, 10, 0))
                .hasMessageContaining("kvBits");
    }
}

package org.pocketsim.workload.model;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Per-layer kinds of a hybrid model (Qwen3-Next): shapes, KV cache and recurrent state per kind. */
class HybridLayoutTest {

    private final ModelSpec next = ModelCatalog.load("qwen3-next-80b-a3b");

    @Test
    void patternRepeatsSoEveryFourthLayerIsFullAttention() {
        assertThat(next.layerKind(0)).isEqualTo(LayerKind.LINEAR);
        assertThat(next.layerKind(3)).isEqualTo(LayerKind.FULL);
        assertThat(next.layerKind(46)).isEqualTo(LayerKind.LINEAR);
        assertThat(next.layersOf(LayerKind.FULL)).containsExactly(3, 7, 11, 15, 19, 23, 27, 31, 35, 39, 43, 47);
        assertThat(next.layersOf(LayerKind.LINEAR)).hasSize(36);
        assertThat(ModelCatalog.load("llama2-7b").layersOf(LayerKind.FULL)).hasSize(32);
    }

    @Test
    void linearLayerHasDeltaNetProjectionsAFixedStateAndNoKvCache() {
        LayerShapes l = next.layerShapes(0);
        assertThat(l.kind()).isEqualTo(LayerKind.LINEAR);
        assertThat(l.attentionProjections()).containsExactly(
                new MatrixShape("in_qkvz", 2 * 2048 + 2 * 4096, 2048), new MatrixShape("in_ba", 64, 2048),
                new MatrixShape("out", 2048, 4096));
        assertThat(l.kvValuesPerToken()).isZero();
        // 32 value heads x 128 x 128 state, plus 3 kept inputs of the 8192 conv channels
        assertThat(l.stateValues()).isEqualTo(32L * 128 * 128 + 8192L * 3);
        assertThat(l.mixerMacsPerToken()).isEqualTo(8192L * 4 + 4L * 32 * 128 * 128);
        assertThat(l.isMoe()).isTrue();
    }

    @Test
    void fullLayerHasGatedQueryProjectionAndCachesTwoKvHeads() {
        LayerShapes l = next.layerShapes(3);
        assertThat(l.kind()).isEqualTo(LayerKind.FULL);
        assertThat(l.attentionProjections()).containsExactly(
                new MatrixShape("q", 2 * 16 * 256, 2048), new MatrixShape("k", 512, 2048),
                new MatrixShape("v", 512, 2048), new MatrixShape("o", 2048, 4096));
        assertThat(l.kvValuesPerToken()).isEqualTo(2 * 2 * 256);
        assertThat(l.stateValues()).isZero();
        assertThat(l.moe().sharedGate()).isNotNull();
    }

    @Test
    void kvCacheCountsOnlyFullLayersAndTheStateIsItsOwnFootprint() {
        Footprint f = next.footprint(WeightPrecision.FP16, 1000, 16);
        assertThat(f.kvCacheBytes()).isEqualTo(12L * 2 * 2 * 256 * 1000 * 2);
        assertThat(f.recurrentStateBytes()).isEqualTo(36L * (32 * 128 * 128 + 8192 * 3) * 2);
        Footprint longer = next.footprint(WeightPrecision.FP16, 2000, 16);
        assertThat(longer.recurrentStateBytes()).isEqualTo(f.recurrentStateBytes());
        assertThat(f.totalBytes()).isEqualTo(f.weightTotalBytes() + f.kvCacheBytes() + f.recurrentStateBytes());
        assertThat(ModelCatalog.load("llama2-7b").footprint(WeightPrecision.FP16, 10, 16).recurrentStateBytes()).isZero();
    }

    @Test
    void moeLayersSkipLeadingAndListedDenseLayers() {
        assertThat(ModelCatalog.load("deepseek-v2-lite").moeLayers()).hasSize(26).startsWith(1, 2).endsWith(26);
        assertThat(next.moeLayers()).hasSize(48);
        MoeSpec listed = new MoeSpec(8, 2, 64, 0, 0, false, 1, List.of(3, 5));
        assertThat(listed.isDense(0)).isTrue();
        assertThat(listed.isDense(1)).isFalse();
        assertThat(listed.isDense(3)).isTrue();
        assertThat(listed.isDense(5)).isTrue();
        assertThat(new MoeSpec(8, 2, 64, 0, 0, false, 0, null).denseLayerIndices()).isEmpty();
    }
}

package org.pocketsim.workload.model;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LayerShapesTest {

    @Test
    void gqaLayerHasNarrowKeyValueProjectionsAndGatedMlp() {
        LayerShapes l = ModelCatalog.load("phi3-medium-4k").layerShapes(3);
        assertThat(l.attentionProjections()).containsExactly(
                new MatrixShape("q", 5120, 5120), new MatrixShape("k", 1280, 5120),
                new MatrixShape("v", 1280, 5120), new MatrixShape("o", 5120, 5120));
        assertThat(l.dense().up()).isEqualTo(new MatrixShape("up", 17920, 5120));
        assertThat(l.dense().gate()).isEqualTo(new MatrixShape("gate", 17920, 5120));
        assertThat(l.dense().down()).isEqualTo(new MatrixShape("down", 5120, 17920));
        assertThat(l.kvValuesPerToken()).isEqualTo(2 * 10 * 128);
        assertThat(l.isMoe()).isFalse();
    }

    @Test
    void qwen3HeadDimIsIndependentOfHidden() {
        LayerShapes l = ModelCatalog.load("qwen3-30b-a3b").layerShapes(0);
        assertThat(l.attentionProjections().get(0)).isEqualTo(new MatrixShape("q", 4096, 2048));
        assertThat(l.attentionProjections().get(3)).isEqualTo(new MatrixShape("o", 2048, 4096));
        assertThat(l.moe().expert().down()).isEqualTo(new MatrixShape("down", 2048, 768));
        assertThat(l.moe().router()).isEqualTo(new MatrixShape("router", 128, 2048));
    }

    @Test
    void deepseekV2LiteFirstLayerIsDenseAndLaterLayersUseMlaAndSharedExperts() {
        ModelSpec spec = ModelCatalog.load("deepseek-v2-lite");
        LayerShapes first = spec.layerShapes(0);
        assertThat(first.isMoe()).isFalse();
        assertThat(first.dense().down()).isEqualTo(new MatrixShape("down", 2048, 10944));
        assertThat(first.attentionProjections()).containsExactly(
                new MatrixShape("q", 16 * 192, 2048), new MatrixShape("kv_a", 576, 2048),
                new MatrixShape("kv_b", 16 * 256, 512), new MatrixShape("o", 2048, 16 * 128));
        assertThat(first.kvValuesPerToken()).isEqualTo(576);
        LayerShapes later = spec.layerShapes(1);
        assertThat(later.moe().experts()).isEqualTo(64);
        assertThat(later.moe().topK()).isEqualTo(6);
        assertThat(later.moe().sharedExperts()).isEqualTo(2);
        assertThat(later.moe().shared().up()).isEqualTo(new MatrixShape("up", 1408, 2048));
        assertThat(spec.downInputWidth(0)).isEqualTo(10944);
        assertThat(spec.downInputWidth(1)).isEqualTo(1408);
    }

    @Test
    void reluMlpHasNoGate() {
        LayerShapes l = ModelCatalog.load("opt-6.7b").layerShapes(0);
        assertThat(l.dense().gate()).isNull();
        assertThat(l.dense().params()).isEqualTo(2L * 4096 * 16384);
    }

    @Test
    void layerOutsideTheModelIsRejected() {
        ModelSpec spec = ModelCatalog.load("llama2-7b");
        assertThatThrownBy(() -> spec.layerShapes(32)).hasMessageContaining("layer 32 outside 0..31");
    }
}

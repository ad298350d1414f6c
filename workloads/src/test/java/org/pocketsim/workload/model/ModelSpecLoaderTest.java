package org.pocketsim.workload.model;

import org.junit.jupiter.api.Test;
import org.pocketsim.hw.config.ConfigException;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ModelSpecLoaderTest {

    private static String preset(String id) throws IOException {
        try (InputStream in = ModelCatalog.class.getResourceAsStream("/org/pocketsim/workload/model/presets/" + id + ".yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static ModelSpec read(String yaml) {
        return ModelSpecLoader.read(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "m.yaml");
    }

    @Test
    void unknownKeyIsAnErrorWithFileLineAndColumn() throws IOException {
        String text = preset("llama2-7b");
        int line = text.substring(0, text.indexOf("hidden: 4096")).split("\n", -1).length + 1;
        String yaml = text.replace("hidden: 4096", "hidden: 4096\nhiden: 4096");
        assertThatThrownBy(() -> read(yaml))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("m.yaml:" + line + ":1:")
                .hasMessageContaining("hiden");
    }

    @Test
    void explicitNullIsAnError() throws IOException {
        String yaml = preset("llama2-7b") + "moe:\n";
        assertThatThrownBy(() -> read(yaml)).isInstanceOf(ConfigException.class).hasMessageContaining("moe");
    }

    @Test
    void missingKeyIsAnError() throws IOException {
        String yaml = preset("llama2-7b").replace("vocab: 32000\n", "");
        assertThatThrownBy(() -> read(yaml)).hasMessageContaining("vocab");
    }

    @Test
    void floatForAnIntegerFieldIsAnError() throws IOException {
        String yaml = preset("llama2-7b").replace("layers: 32", "layers: 32.5");
        assertThatThrownBy(() -> read(yaml)).hasMessageStartingWith("m.yaml:");
    }

    @Test
    void invalidDimensionsGiveTheRecordsOwnMessage() throws IOException {
        String yaml = preset("llama3-8b").replace("kvHeads: 8", "kvHeads: 7");
        assertThatThrownBy(() -> read(yaml)).hasMessageContaining("attention.kvHeads must divide heads");
    }

    @Test
    void topKAboveExpertCountIsRejected() throws IOException {
        String yaml = preset("mixtral-8x7b").replace("topK: 2", "topK: 9");
        assertThatThrownBy(() -> read(yaml)).hasMessageContaining("moe.topK 9 exceeds moe.experts 8");
    }

    @Test
    void validPresetTextRoundTripsToTheCatalogSpec() throws IOException {
        assertThat(read(preset("olmoe-1b-7b-0924"))).isEqualTo(ModelCatalog.load("olmoe-1b-7b-0924"));
    }

    private static int lineOf(String text, String needle) {
        return text.substring(0, text.indexOf(needle)).split("\n", -1).length;
    }

    @Test
    void unknownLayerKindNamesTheAcceptedOnesAtItsLine() throws IOException {
        String yaml = preset("qwen3-next-80b-a3b").replace("[linear, linear, linear, full]", "[linear, linear, lineer, full]");
        assertThatThrownBy(() -> read(yaml))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("m.yaml:" + lineOf(yaml, "pattern:") + ":")
                .hasMessageContaining("field 'layout.pattern[2]'")
                .hasMessageContaining("unknown value 'lineer'; did you mean 'linear'?");
    }

    @Test
    void aPatternThatDoesNotDivideTheLayersIsAnErrorAtThePattern() throws IOException {
        String yaml = preset("qwen3-next-80b-a3b").replace("[linear, linear, linear, full]", "[linear, linear, full, linear, full]");
        assertThatThrownBy(() -> read(yaml))
                .hasMessageStartingWith("m.yaml:" + lineOf(yaml, "pattern:") + ":")
                .hasMessageEndingWith("field 'layout.pattern': the pattern's 5 kinds must divide the 48 layers");
    }

    @Test
    void linearLayersWithoutALinearAttentionBlockAreAnError() throws IOException {
        String text = preset("qwen3-next-80b-a3b");
        String yaml = text.substring(0, text.indexOf("linearAttention:")) + text.substring(text.indexOf("layout:"));
        assertThatThrownBy(() -> read(yaml))
                .hasMessageEndingWith("field 'layout.pattern': linear layers need a linearAttention block");
    }

    @Test
    void aLinearAttentionBlockNoLayerUsesIsAnError() throws IOException {
        String yaml = preset("qwen3-next-80b-a3b").replace("[linear, linear, linear, full]", "[full]");
        assertThatThrownBy(() -> read(yaml))
                .hasMessageStartingWith("m.yaml:" + lineOf(yaml, "linearAttention:") + ":")
                .hasMessageContaining("field 'linearAttention': no layer uses it");
    }

    @Test
    void linearAttentionRejectsValueHeadsThatAreNotAMultipleOfKeyHeads() throws IOException {
        String yaml = preset("qwen3-next-80b-a3b").replace("valueHeads: 32", "valueHeads: 24");
        assertThatThrownBy(() -> read(yaml)).hasMessageContaining("linearAttention.valueHeads 24 must be a multiple of keyHeads 16");
    }

    @Test
    void listedDenseLayersMustBeAscendingAndInsideTheModel() throws IOException {
        String base = preset("deepseek-v2-lite");
        String unordered = base.replace("denseLayers: 1}", "denseLayers: 1, denseLayerIndices: [5, 3]}");
        assertThatThrownBy(() -> read(unordered))
                .hasMessageStartingWith("m.yaml:" + lineOf(unordered, "moe:") + ":")
                .hasMessageContaining("field 'moe.denseLayerIndices[1]': layer indices must be ascending and distinct, got 3 after 5");
        String outside = base.replace("denseLayers: 1}", "denseLayers: 1, denseLayerIndices: [27]}");
        assertThatThrownBy(() -> read(outside))
                .hasMessageContaining("field 'moe.denseLayerIndices[0]': layer 27 is outside 0..26");
        String overlapping = base.replace("denseLayers: 1}", "denseLayers: 1, denseLayerIndices: [0]}");
        assertThatThrownBy(() -> read(overlapping))
                .hasMessageContaining("layer 0 is already dense as one of the first denseLayers 1");
    }

    @Test
    void listedDenseLayersUseTheDenseWidthAndLeaveTheOthersMoe() throws IOException {
        ModelSpec m = read(preset("deepseek-v2-lite").replace("denseLayers: 1}", "denseLayers: 1, denseLayerIndices: [4, 9]}"));
        assertThat(m.isMoeLayer(0)).isFalse();
        assertThat(m.isMoeLayer(4)).isFalse();
        assertThat(m.layerShapes(9).dense().intermediate()).isEqualTo(10944);
        assertThat(m.moeLayers()).hasSize(24).startsWith(1, 2, 3, 5);
        assertThat(m.downInputWidth(4)).isEqualTo(10944);
    }

    @Test
    void hybridPresetTextRoundTripsToTheCatalogSpec() throws IOException {
        assertThat(read(preset("qwen3-next-80b-a3b"))).isEqualTo(ModelCatalog.load("qwen3-next-80b-a3b"));
    }
}

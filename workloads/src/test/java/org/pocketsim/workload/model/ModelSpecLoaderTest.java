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
}

package org.pocketsim.hw.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class TreeMergeTest {

    private static JsonNode tree(String yaml) {
        return YamlConfig.readTree(new ConfigSource("t.yaml", yaml));
    }

    @Test
    void mapsMergeRecursivelyAndScalarsAndListsAreReplaced() {
        JsonNode base = tree("a: 1\nb: {c: 2, d: 3}\nlist: [1, 2, 3]\n");
        JsonNode override = tree("b: {d: 4, e: 5}\nlist: [9]\nf: x\n");
        JsonNode merged = TreeMerge.merge(base, override);
        assertThat(merged.toString()).isEqualTo("{\"a\":1,\"b\":{\"c\":2,\"d\":4,\"e\":5},\"list\":[9],\"f\":\"x\"}");
    }

    @Test
    void inputsAreNotModified() {
        JsonNode base = tree("b: {c: 2}\n");
        TreeMerge.merge(base, tree("b: {c: 3}\n"));
        assertThat(base.toString()).isEqualTo("{\"b\":{\"c\":2}}");
    }
}

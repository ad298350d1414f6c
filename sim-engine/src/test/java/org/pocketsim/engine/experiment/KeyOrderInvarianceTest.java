package org.pocketsim.engine.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pocketsim.engine.sweep.SweepPoint;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Property: the order in which a YAML experiment writes its keys (run fields, nested nodes, the
 * sections, the zipped lists) changes neither the order of the expanded points nor their seeds
 * nor their stored-result keys. Only the order of {@code sweep.axes} means something (the first
 * axis varies slowest), so it is kept.
 */
class KeyOrderInvarianceTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private static final String EXPERIMENT = """
            schemaVersion: 1
            id: key-order
            title: key order
            seed: 5
            run:
              label: base
              soc: {extends: dip-reference-phone, dram: {capacity: 4 GiB, peakBandwidth: 60 GB/s}}
              model: phi3-mini-4k
              weights: int4-g128
              computeFormat: int8
              prompt: 16
              generate: 4
              timing: {compute: ignore, concurrentIo: true}
              placement: {allowStreaming: true, dramBudget: 3 GB}
              mlp: {kind: sparse-stream, loadShare: 0.1, residentShare: 0.2, chunk: 64 KiB}
            sweep:
              axes:
                run.prompt: [8, 16]
                run.mlp.loadShare: [0.05, 0.1]
              zip:
                run.weights: [int4-g128, int8]
                run.label: [a, b]
            report:
              summary: [tokensPerSecond]
            """;

    @TempDir
    Path dir;

    @ParameterizedTest(name = "shuffle seed {0}")
    @ValueSource(longs = {1, 2, 3, 4})
    void reorderedKeysGiveTheSamePointsInTheSameOrderWithTheSameKeys(long seed) throws Exception {
        // One file, rewritten: a point's key covers where its inline SoC overrides were written (their source).
        Path file = dir.resolve("experiment.yaml");
        Files.writeString(file, EXPERIMENT);
        List<SweepPoint> a = ExperimentLoader.load(file, List.of()).points();
        JsonNode tree = YAML.readTree(EXPERIMENT);
        JsonNode axes = tree.get("sweep").get("axes").deepCopy();
        JsonNode shuffled = shuffle(tree, new Random(seed));
        ((ObjectNode) shuffled.get("sweep")).set("axes", axes);
        String reordered = YAML.writeValueAsString(shuffled);
        assertThat(reordered).isNotEqualTo(YAML.writeValueAsString(tree));
        Files.writeString(file, reordered);
        List<SweepPoint> b = ExperimentLoader.load(file, List.of()).points();
        assertThat(b).hasSize(8).hasSameSizeAs(a);
        for (int i = 0; i < a.size(); i++) {
            assertThat(Map.copyOf(b.get(i).parameters())).as("point %d", i).isEqualTo(Map.copyOf(a.get(i).parameters()));
            assertThat(b.get(i).seed()).as("seed of point %d", i).isEqualTo(a.get(i).seed());
            assertThat(b.get(i).hash()).as("key of point %d", i).isEqualTo(a.get(i).hash());
        }
    }

    /** A copy of {@code node} with the keys of every mapping in a random order. */
    private static JsonNode shuffle(JsonNode node, Random random) {
        if (node instanceof ObjectNode object) {
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            Collections.shuffle(names, random);
            ObjectNode out = YAML.createObjectNode();
            for (String name : names) out.set(name, shuffle(object.get(name), random));
            return out;
        }
        if (node instanceof ArrayNode array) {
            ArrayNode out = YAML.createArrayNode();
            array.forEach(e -> out.add(shuffle(e, random)));
            return out;
        }
        return node;
    }
}

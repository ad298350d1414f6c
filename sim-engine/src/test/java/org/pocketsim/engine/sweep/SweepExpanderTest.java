package org.pocketsim.engine.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SweepExpanderTest {

    private static final ObjectMapper M = new ObjectMapper();

    private static ObjectNode base() throws Exception {
        return (ObjectNode) M.readTree("{\"soc\":\"snapdragon-8-gen3\",\"method\":{\"kind\":\"dip\",\"keep\":1.0},\"generate\":16}");
    }

    private static List<JsonNode> values(Object... v) {
        return java.util.Arrays.stream(v).map(x -> (JsonNode) M.valueToTree(x)).toList();
    }

    @Test
    void cartesianAxesVaryFirstAxisSlowestThenZipFastest() throws Exception {
        Map<String, List<JsonNode>> axes = new LinkedHashMap<>();
        axes.put("run.method.keep", values(0.5, 0.25));
        axes.put("run.cache.policy", values("lru", "lfu", "belady"));
        Map<String, List<JsonNode>> zip = new LinkedHashMap<>();
        zip.put("run.model", values("a", "b"));
        zip.put("run.generate", values(8, 32));
        List<SweepPoint> points = SweepExpander.expand(base(), new SweepSpec(axes, zip), 7);

        assertThat(points).hasSize(12);
        assertThat(points.get(0).label()).isEqualTo("run.method.keep=0.5, run.cache.policy=lru, run.model=a, run.generate=8");
        assertThat(points.get(1).label()).isEqualTo("run.method.keep=0.5, run.cache.policy=lru, run.model=b, run.generate=32");
        assertThat(points.get(2).label()).isEqualTo("run.method.keep=0.5, run.cache.policy=lfu, run.model=a, run.generate=8");
        assertThat(points.get(11).label()).isEqualTo("run.method.keep=0.25, run.cache.policy=belady, run.model=b, run.generate=32");
        assertThat(points.get(11).run().toString())
                .isEqualTo("{\"soc\":\"snapdragon-8-gen3\",\"method\":{\"kind\":\"dip\",\"keep\":0.25},\"generate\":32,\"cache\":{\"policy\":\"belady\"},\"model\":\"b\"}");
    }

    @Test
    void pathThroughAPresetNameTurnsItIntoAnExtendsOverride() throws Exception {
        Map<String, List<JsonNode>> axes = Map.of("run.soc.dram.capacity", values("8 GiB"));
        SweepPoint p = SweepExpander.expand(base(), new SweepSpec(axes, Map.of()), 1).get(0);
        assertThat(p.run().get("soc").toString()).isEqualTo("{\"extends\":\"snapdragon-8-gen3\",\"dram\":{\"capacity\":\"8 GiB\"}}");
    }

    @Test
    void noSweepGivesTheBaseRunAsOnePoint() throws Exception {
        List<SweepPoint> points = SweepExpander.expand(base(), SweepSpec.NONE, 1);
        assertThat(points).singleElement().satisfies(p -> {
            assertThat(p.label()).isEqualTo("base");
            assertThat(p.run()).isEqualTo(base());
        });
    }

    @Test
    void seedsDependOnParametersNotOnPosition() throws Exception {
        List<SweepPoint> two = SweepExpander.expand(base(), new SweepSpec(Map.of("run.method.keep", values(0.5, 0.25)), Map.of()), 7);
        List<SweepPoint> three = SweepExpander.expand(base(), new SweepSpec(Map.of("run.method.keep", values(0.75, 0.5, 0.25)), Map.of()), 7);
        assertThat(three.get(1).seed()).isEqualTo(two.get(0).seed());
        assertThat(two.get(0).seed()).isNotEqualTo(two.get(1).seed());

        List<SweepPoint> otherSeed = SweepExpander.expand(base(), new SweepSpec(Map.of("run.method.keep", values(0.5)), Map.of()), 8);
        assertThat(otherSeed.get(0).seed()).isNotEqualTo(two.get(0).seed());
    }

    @Test
    void eachSweptValueRemembersWhereItIsWritten() throws Exception {
        Map<String, List<JsonNode>> axes = new LinkedHashMap<>();
        axes.put("run.method.keep", values(0.5, 0.25));
        Map<String, List<JsonNode>> zip = new LinkedHashMap<>();
        zip.put("run", values(Map.of("label", "a"), Map.of("label", "b")));
        SweepPoint last = SweepExpander.expand(base(), new SweepSpec(axes, zip), 1).get(3);
        assertThat(last.valuePaths()).containsExactly(Map.entry("run.method.keep", "sweep.axes.run.method.keep[1]"),
                Map.entry("run", "sweep.zip.run[1]"));
        assertThat(last.run().get("label").asText()).isEqualTo("b");
    }

    @Test
    void sweepPathsStartAtTheFileRootLikeSetPaths() {
        assertThatThrownBy(() -> SweepExpander.expand(base(), new SweepSpec(Map.of("mlp.keep", values(0.5)), Map.of()), 1))
                .hasMessage("field 'sweep.axes.mlp.keep': a sweep varies fields of the run section; paths start at the file root,"
                        + " as --set paths do: write 'run.mlp.keep'");
    }

    @Test
    void hashIgnoresKeyOrder() throws Exception {
        ObjectNode a = (ObjectNode) M.readTree("{\"x\":1,\"y\":{\"b\":2,\"a\":3}}");
        ObjectNode b = (ObjectNode) M.readTree("{\"y\":{\"a\":3,\"b\":2},\"x\":1}");
        assertThat(CanonicalJson.sha256(a, "s")).isEqualTo(CanonicalJson.sha256(b, "s"));
    }

    @Test
    void zippedListsOfUnequalLengthAreRejected() {
        Map<String, List<JsonNode>> zip = new LinkedHashMap<>();
        zip.put("a", values(1, 2));
        zip.put("b", values(1));
        assertThatThrownBy(() -> new SweepSpec(Map.of(), zip))
                .hasMessage("sweep.zip lists must have equal lengths: 'b' has 1 values, earlier lists have 2");
    }

    @Test
    void pathThroughAScalarIsRejected() throws Exception {
        assertThatThrownBy(() -> SweepExpander.expand(base(), new SweepSpec(Map.of("run.generate.tokens", values(1)), Map.of()), 1))
                .hasMessage("sweep field 'generate.tokens': 'generate' is a number, not a section");
    }
}

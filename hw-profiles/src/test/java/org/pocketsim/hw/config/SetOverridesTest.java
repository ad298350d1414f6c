package org.pocketsim.hw.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

class SetOverridesTest {

    private static final JsonNode TREE = YamlConfig.readTree(new ConfigSource("x.yaml",
            "a: 1\nb: {c: 2}\nrows:\n  - {size: 4 KB}\n  - {size: 8 KB}\n"));

    @Test
    void assignmentsKeepYamlTypesAndCreateMissingMappings() {
        JsonNode result = SetOverrides.apply(TREE, List.of("a=2.5", "b.c=16 GiB", "rows[1].size=1 MB", "d.e=[1, 2]"));
        assertThat(result.toString()).isEqualTo(
                "{\"a\":2.5,\"b\":{\"c\":\"16 GiB\"},\"rows\":[{\"size\":\"4 KB\"},{\"size\":\"1 MB\"}],\"d\":{\"e\":[1,2]}}");
        assertThat(TREE.get("a").asInt()).isEqualTo(1);
    }

    @Test
    void malformedAssignmentsAreConfigErrors() {
        assertThatThrownBy(() -> SetOverrides.apply(TREE, List.of("novalue")))
                .hasMessage("--set: 'novalue' is not of the form path=value");
        assertThatThrownBy(() -> SetOverrides.apply(TREE, List.of("rows[5].size=1 MB")))
                .hasMessage("--set: field 'rows[5].size': no list element [5] at this path");
        assertThatThrownBy(() -> SetOverrides.apply(TREE, List.of("a.b=3")))
                .hasMessage("--set: field 'a.b': cannot set 'b' here (not a mapping)");
    }
}

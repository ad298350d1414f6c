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
    void malformedAssignmentsAreErrorsNamingTheArgument() {
        assertThatThrownBy(() -> SetOverrides.apply(TREE, List.of("novalue")))
                .hasMessage("--set novalue: expected PATH=VALUE, e.g. --set run.prompt=128");
        assertThatThrownBy(() -> SetOverrides.apply(TREE, List.of("rows[5].size=1 MB")))
                .hasMessage("--set rows[5].size=1 MB: field 'rows[5].size': no list element [5] at this path");
        assertThatThrownBy(() -> SetOverrides.apply(TREE, List.of("a.b=3")))
                .hasMessage("--set a.b=3: field 'a.b': cannot set 'b' here (not a mapping)");
    }

    private static final ConfigSource FILE = new ConfigSource("x.yaml",
            "a: 1\nb: {c: 2}\nrows:\n  - {size: 4 KB}\n  - {size: 8 KB}\n");

    @Test
    void originsListTheOverridesLastFirstThenTheFile() {
        SetOverrides.Overridden result = SetOverrides.applyTo(FILE, YamlConfig.readTree(FILE), List.of("a=2", "b.c=3"));
        assertThat(result.tree().toString()).isEqualTo("{\"a\":2,\"b\":{\"c\":3},\"rows\":[{\"size\":\"4 KB\"},{\"size\":\"8 KB\"}]}");
        assertThat(result.origins()).extracting(ConfigSource::name).containsExactly("--set b.c=3", "--set a=2", "x.yaml");
        assertThat(result.origins()).extracting(ConfigSource::covers).containsExactly("b.c", "a", null);
    }

    @Test
    void errorsAtOrUnderAnOverriddenPathBlameTheOverrideWithoutLineAndColumn() {
        List<ConfigSource> origins = SetOverrides.applyTo(FILE, YamlConfig.readTree(FILE), List.of("b.c=abc")).origins();
        assertThat(ConfigErrors.at(origins, "b.c", "expected a whole number, got 'abc'"))
                .hasMessage("--set b.c=abc: field 'b.c': expected a whole number, got 'abc'");
        assertThat(ConfigErrors.at(origins, "b.c.d", "bad")).hasMessage("--set b.c=abc: field 'b.c.d': bad");
    }

    @Test
    void errorsElsewhereStayInTheFileAtTheirLineAndColumn() {
        List<ConfigSource> origins = SetOverrides.applyTo(FILE, YamlConfig.readTree(FILE), List.of("b.c=abc")).origins();
        assertThat(ConfigErrors.at(origins, "b", "bad")).hasMessage("x.yaml:2:1: field 'b': bad");
        assertThat(ConfigErrors.at(origins, "rows[1].size", "bad")).hasMessage("x.yaml:5:6: field 'rows[1].size': bad");
        assertThat(ConfigErrors.at(origins, "", "bad")).hasMessage("x.yaml:1:1: bad");
    }

    @Test
    void aLaterOverrideOfAWholeSubtreeTakesTheBlame() {
        List<ConfigSource> origins = SetOverrides.applyTo(FILE, YamlConfig.readTree(FILE),
                List.of("b.c=1", "b={c: x}")).origins();
        assertThat(ConfigErrors.at(origins, "b.c", "bad")).hasMessage("--set b={c: x}: field 'b.c': bad");
    }

    @Test
    void bindingThroughTheOriginsBlamesTheOverride() {
        SetOverrides.Overridden result = SetOverrides.applyTo(FILE, YamlConfig.readTree(FILE), List.of("a=abc"));
        assertThatThrownBy(() -> YamlConfig.bind(result.tree(), Holder.class, result.origins()))
                .hasMessage("--set a=abc: field 'a': expected a whole number, got 'abc'");
    }

    record Holder(int a, JsonNode b, JsonNode rows) {
    }
}

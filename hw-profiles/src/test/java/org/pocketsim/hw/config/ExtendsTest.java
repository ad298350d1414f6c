package org.pocketsim.hw.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pocketsim.hw.unit.Bandwidth;
import org.pocketsim.hw.unit.DataSize;

class ExtendsTest {

    private static final ConfigSource BASE = new ConfigSource("presets/base.yaml", String.join("\n",
            "name: base",
            "count: 3",
            "size: 12 GiB",
            "inner:",
            "  bandwidth: 60 GB/s",
            "  mode: npu",
            "rows:",
            "  - size: 4 KB",
            "    bandwidth: 450 MB/s",
            ""));
    private static final ConfigSource MIDDLE = new ConfigSource("presets/middle.yaml",
            "extends: base\nname: middle\ninner:\n  mode: cpu\n");

    private static final BaseResolver RESOLVER = (name, from) -> {
        Map<String, ConfigSource> known = Map.of("base", BASE, "middle", MIDDLE);
        ConfigSource source = known.get(name);
        if (source == null) {
            throw new IllegalArgumentException("no preset '" + name + "'; did you mean 'base'?");
        }
        return source;
    };

    private static Sample load(String userText) {
        MergedTree merged = YamlConfig.resolveExtends(new ConfigSource("my.yaml", userText), RESOLVER);
        return YamlConfig.bind(merged.tree(), Sample.class, merged.origins());
    }

    @Test
    void overridesMergeKeyByKeyOverTheBase() {
        Sample s = load("extends: base\nsize: 16 GiB\ninner:\n  bandwidth: 70 GB/s\n");
        assertThat(s.name()).isEqualTo("base");
        assertThat(s.size()).isEqualTo(DataSize.parse("16 GiB"));
        assertThat(s.inner().bandwidth()).isEqualTo(Bandwidth.parse("70 GB/s"));
        assertThat(s.inner().mode()).isEqualTo(Sample.Mode.NPU);
        assertThat(s.rows()).hasSize(1);
    }

    @Test
    void listsAreReplacedNotMerged() {
        Sample s = load("extends: base\nrows:\n  - size: 8 KB\n    bandwidth: 1 GB/s\n  - size: 16 KB\n    bandwidth: 2 GB/s\n");
        assertThat(s.rows()).extracting(Sample.Row::size)
                .containsExactly(DataSize.parse("8 KB"), DataSize.parse("16 KB"));
    }

    @Test
    void basesResolveRecursively() {
        Sample s = load("extends: middle\ncount: 7\n");
        assertThat(s.name()).isEqualTo("middle");
        assertThat(s.count()).isEqualTo(7);
        assertThat(s.inner().mode()).isEqualTo(Sample.Mode.CPU);
        assertThat(s.inner().bandwidth()).isEqualTo(Bandwidth.parse("60 GB/s"));
    }

    @Test
    void unknownKeyInTheOverrideKeepsTheUsersFileAndLine() {
        assertThatThrownBy(() -> load("extends: base\ninner:\n  bandwidht: 70 GB/s\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("my.yaml:3:3: field 'inner.bandwidht': unknown key 'bandwidht'; did you mean 'bandwidth'?");
    }

    @Test
    void badValueInTheOverrideKeepsTheUsersFileAndLine() {
        assertThatThrownBy(() -> load("extends: middle\n\nsize: 16 GiBs\n"))
                .hasMessage("my.yaml:3:1: field 'size': unknown unit 'GiBs' (accepted: B, KB, MB, GB, KiB, MiB, GiB)");
    }

    @Test
    void errorInAnInheritedFieldPointsIntoTheBase() {
        ConfigSource broken = new ConfigSource("presets/broken.yaml", "extends: base\ncount: -4\n");
        BaseResolver resolver = (name, from) -> name.equals("broken") ? broken : RESOLVER.resolve(name, from);
        MergedTree merged = YamlConfig.resolveExtends(new ConfigSource("my.yaml", "extends: broken\nname: x\n"), resolver);
        assertThatThrownBy(() -> YamlConfig.bind(merged.tree(), Sample.class, merged.origins()))
                .hasMessage("presets/broken.yaml:2:1: field 'count': must be > 0, got -4");
    }

    @Test
    void unknownBaseIsReportedAtTheExtendsKey() {
        assertThatThrownBy(() -> load("name: x\nextends: bsae\n"))
                .hasMessage("my.yaml:2:1: field 'extends': no preset 'bsae'; did you mean 'base'?");
    }

    @Test
    void extendsCycleIsReported() {
        ConfigSource a = new ConfigSource("a.yaml", "extends: b\n");
        ConfigSource b = new ConfigSource("b.yaml", "extends: a\n");
        BaseResolver cyclic = (name, from) -> name.equals("a") ? a : b;
        assertThatThrownBy(() -> YamlConfig.resolveExtends(a, cyclic))
                .hasMessage("b.yaml:1:1: field 'extends': extends cycle: a.yaml -> b.yaml -> a.yaml");
    }

    @Test
    void withoutAResolverExtendsIsAnUnknownKey() {
        assertThatThrownBy(() -> YamlConfig.parse(new ConfigSource("plain.yaml", "extends: base\n" + BASE.text()), Sample.class))
                .hasMessageStartingWith("plain.yaml:1:1: field 'extends': unknown key 'extends'");
    }
}

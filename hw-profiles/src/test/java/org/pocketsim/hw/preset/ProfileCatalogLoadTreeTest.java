package org.pocketsim.hw.preset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pocketsim.hw.config.ConfigSource;
import org.pocketsim.hw.config.SetOverrides;
import org.pocketsim.hw.config.TreePath;
import org.pocketsim.hw.config.YamlConfig;
import org.pocketsim.hw.spec.SocSpec;
import org.pocketsim.hw.unit.DataSize;

class ProfileCatalogLoadTreeTest {

    private static final ConfigSource EXPERIMENT = new ConfigSource("exp.yaml", """
            id: x
            run:
              label: a
              soc:
                extends: snapdragon-8-gen3
                dram: {capacity: 16 GiB}
            """);

    private static SocSpec load(ConfigSource file, List<String> overrides) {
        SetOverrides.Overridden o = SetOverrides.applyTo(file, YamlConfig.readTree(file), overrides);
        return ProfileCatalog.loadTree(TreePath.at(o.tree(), "run.soc"), o.origins(), "run.soc");
    }

    @Test
    void anInlineTreeExtendsAPresetAndRecordsItsOverrides() {
        SocSpec soc = load(EXPERIMENT, List.of());
        assertThat(soc.dram().capacity()).isEqualTo(DataSize.parse("16 GiB"));
        assertThat(soc.sourceOf("dram.capacity")).isEqualTo("override in exp.yaml run.soc (no source given)");
    }

    @Test
    void anErrorInTheInlineTreeIsAtItsLineAndColumnInTheExperimentFile() {
        ConfigSource bad = new ConfigSource("exp.yaml", EXPERIMENT.text().replace("16 GiB", "12 GiBB"));
        assertThatThrownBy(() -> load(bad, List.of()))
                .hasMessage("exp.yaml:6:12: field 'run.soc.dram.capacity': unknown unit 'GiBB' "
                        + "(accepted: B, KB, MB, GB, KiB, MiB, GiB)");
    }

    @Test
    void aFlowMappingIsLocatedToo() {
        ConfigSource flow = new ConfigSource("flow.yaml",
                "run:\n  soc: {extends: snapdragon-8-gen3, flash: {queueDepth: 8.5}}\n");
        assertThatThrownBy(() -> load(flow, List.of()))
                .hasMessage("flow.yaml:2:45: field 'run.soc.flash.queueDepth': expected a whole number, got 8.5");
    }

    @Test
    void anUnknownKeyAndAnUnknownBaseAreLocated() {
        ConfigSource typo = new ConfigSource("exp.yaml", EXPERIMENT.text().replace("capacity:", "capacty:"));
        assertThatThrownBy(() -> load(typo, List.of()))
                .hasMessage("exp.yaml:6:12: field 'run.soc.dram.capacty': unknown key 'capacty'; did you mean 'capacity'?");
        ConfigSource base = new ConfigSource("exp.yaml", EXPERIMENT.text().replace("snapdragon-8-gen3", "snapdragon-8-gen4"));
        assertThatThrownBy(() -> load(base, List.of()))
                .hasMessageStartingWith("exp.yaml:5:5: field 'run.soc.extends': no SoC preset 'snapdragon-8-gen4'; "
                        + "did you mean 'snapdragon-8-gen3'?");
    }

    @Test
    void anErrorInAnOverriddenValueBlamesTheOverride() {
        assertThatThrownBy(() -> load(EXPERIMENT, List.of("run.soc.dram.capacity=12 GiBB")))
                .hasMessage("--set run.soc.dram.capacity=12 GiBB: field 'run.soc.dram.capacity': unknown unit 'GiBB' "
                        + "(accepted: B, KB, MB, GB, KiB, MiB, GiB)");
    }

    @Test
    void aPresetIdThatDoesNotExistIsLocatedAtTheSocKey() {
        ConfigSource id = new ConfigSource("id.yaml", "run:\n  soc: apple-m5\n");
        assertThatThrownBy(() -> load(id, List.of()))
                .hasMessageStartingWith("id.yaml:2:3: field 'run.soc': no SoC preset 'apple-m5'; did you mean 'apple-m4'?");
        JsonNode soc = TreePath.at(YamlConfig.readTree(id), "run.soc");
        assertThat(soc.asText()).isEqualTo("apple-m5");
    }
}

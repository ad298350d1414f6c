package org.pocketsim.hw.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.pocketsim.hw.config.ConfigException;
import org.pocketsim.hw.config.ConfigSource;
import org.pocketsim.hw.config.YamlConfig;

class SocSpecTest {

    private static final String PRESET = ConfigSource.ofResource("org/pocketsim/hw/preset/snapdragon-8-gen3.yaml").text();

    private static SocSpec parse(String text) {
        return YamlConfig.parse(new ConfigSource("soc.yaml", text), SocSpec.class);
    }

    private static int lineOf(String needle) {
        return PRESET.substring(0, PRESET.indexOf(needle)).split("\n", -1).length;
    }

    @Test
    void factsListEveryNumberWithItsPathAndValueText() {
        SocSpec soc = parse(PRESET);
        assertThat(soc.facts()).containsEntry("dram.peakBandwidth", "76.8 GB/s")
                .containsEntry("dram.achievableBandwidth.cpu+npu", "59.6 GB/s")
                .containsEntry("flash.sequentialRead", "4 KiB -> 450 MB/s, 512 KiB -> 4 GB/s")
                .containsEntry("npu.macsPerCycle.int8", "22500")
                .containsEntry("cpu.cores", "8");
        assertThat(soc.sourceOf("npu.macsPerCycle.int8")).startsWith("computed: [Q9] 45 TOPS");
        assertThat(soc.sourceOf("energy.npuPjPerMac.fp8-e4m3")).startsWith("assumed:");
        assertThat(soc.execution().unitFor("mlp")).isEqualTo(Requester.NPU);
    }

    @Test
    void aNumberWithoutASourceIsAnErrorAtThatNumber() {
        String text = PRESET.replaceAll("(?m)^  dram.latency: .*\\n", "");
        assertThatThrownBy(() -> parse(text))
                .isInstanceOf(ConfigException.class)
                .hasMessage("soc.yaml:" + lineOf("  latency: 100 ns") + ":3: field 'dram.latency': has no entry in "
                        + "'sources' (cite a reference or write 'assumed: <why>')");
    }

    @Test
    void aSourceForNoFactIsAnErrorWithASuggestion() {
        String text = PRESET.replace("  dram.latency: ", "  dram.latncy: ");
        assertThatThrownBy(() -> parse(text))
                .hasMessageContaining("field 'sources.dram.latncy': names no hardware fact of this profile; "
                        + "did you mean 'dram.latency'?");
    }

    @Test
    void anAssumptionMustGiveItsReason() {
        String text = PRESET.replaceAll("(?m)^  dram.latency: .*$", "  dram.latency: \"assumed\"");
        assertThatThrownBy(() -> parse(text))
                .hasMessageContaining("field 'sources.dram.latency': must give the reason: 'assumed: <why>'");
    }
}

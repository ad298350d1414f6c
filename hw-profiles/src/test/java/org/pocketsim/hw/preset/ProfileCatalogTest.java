package org.pocketsim.hw.preset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pocketsim.hw.config.ConfigException;
import org.pocketsim.hw.spec.RequesterSet;
import org.pocketsim.hw.spec.SocSpec;
import org.pocketsim.hw.unit.Bandwidth;
import org.pocketsim.hw.unit.DataSize;

class ProfileCatalogTest {

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    @Test
    void snapdragon8Gen3CarriesTheMeasuredBandwidths() {
        SocSpec soc = ProfileCatalog.load("snapdragon-8-gen3");
        assertThat(soc.dram().peakBandwidth().bytesPerSecond()).isEqualTo(76.8e9);
        assertThat(soc.dram().achievable(RequesterSet.CPU).bytesPerSecond()).isEqualTo(43.9e9);
        assertThat(soc.dram().achievable(RequesterSet.NPU).bytesPerSecond()).isEqualTo(56e9);
        assertThat(soc.dram().achievable(RequesterSet.CPU_NPU).bytesPerSecond()).isEqualTo(59.6e9);
        assertThat(soc.dram().available()).isEqualTo(DataSize.parse("7 GiB"));
        assertThat(soc.flash().sequentialBandwidthAt(DataSize.parse("4 KiB")).bytesPerSecond()).isEqualTo(450e6);
        assertThat(soc.flash().sequentialBandwidthAt(DataSize.parse("512 KiB")).bytesPerSecond()).isEqualTo(4e9);
        assertThat(soc.flash().randomBandwidthAt(DataSize.parse("512 KiB")).bytesPerSecond()).isEqualTo(3.5e9);
        assertThat(soc.sourceOf("dram.achievableBandwidth.cpu")).contains("43.9");
    }

    @Test
    void userFileExtendsAPresetWithOverrides() throws IOException {
        Path file = write("s24-16g.yaml", String.join("\n",
                "extends: snapdragon-8-gen3",
                "id: s24-16g",
                "dram:",
                "  capacity: 16 GiB",
                "  achievableBandwidth:",
                "    cpu: 40 GB/s",
                "sources:",
                "  dram.capacity: \"my phone's spec sheet\"",
                ""));
        SocSpec soc = ProfileCatalog.loadFile(file);
        assertThat(soc.id()).isEqualTo("s24-16g");
        assertThat(soc.name()).isEqualTo("Snapdragon 8 Gen 3");
        assertThat(soc.dram().capacity()).isEqualTo(DataSize.parse("16 GiB"));
        assertThat(soc.dram().achievable(RequesterSet.CPU)).isEqualTo(Bandwidth.parse("40 GB/s"));
        assertThat(soc.dram().achievable(RequesterSet.NPU)).isEqualTo(Bandwidth.parse("56 GB/s"));
        assertThat(soc.sourceOf("dram.capacity")).isEqualTo("my phone's spec sheet");
        assertThat(soc.sourceOf("dram.achievableBandwidth.cpu")).isEqualTo("override in " + file + " (no source given)");
        assertThat(soc.sourceOf("dram.peakBandwidth")).startsWith("[Q9]");
    }

    @Test
    void unknownKeyInAUserFileNamesTheUsersLineAndSuggests() throws IOException {
        Path file = write("typo.yaml", "extends: snapdragon-8-gen3\ndram:\n  capacty: 16 GiB\n");
        assertThatThrownBy(() -> ProfileCatalog.loadFile(file))
                .isInstanceOf(ConfigException.class)
                .hasMessage(file + ":3:3: field 'dram.capacty': unknown key 'capacty'; did you mean 'capacity'?");
    }

    @Test
    void misspeltOptionalKeyIsReportedBeforeTheValidationItWouldHaveSatisfied() throws IOException {
        // Without the npu entry the DRAM constructor would complain about the missing measurement;
        // the misspelt fraction that was meant to fill the gap must be reported instead.
        String standalone = org.pocketsim.hw.config.ConfigSource
                .ofResource("org/pocketsim/hw/preset/snapdragon-8-gen3.yaml").text()
                .replace("    npu: 56 GB/s\n", "").replace("  latency: 100 ns", "  achievableFracton: 0.7\n  latency: 100 ns");
        Path second = write("standalone-optional.yaml", standalone);
        assertThatThrownBy(() -> ProfileCatalog.loadFile(second))
                .hasMessage(second + ":16:3: field 'dram.achievableFracton': unknown key 'achievableFracton'; "
                        + "did you mean 'achievableFraction'?");
    }

    @Test
    void aProfileWithAGpuGivesItsBandwidthAndItsPrice() throws IOException {
        String gen3 = org.pocketsim.hw.config.ConfigSource.ofResource("org/pocketsim/hw/preset/snapdragon-8-gen3.yaml").text();
        Path noBandwidth = write("gpu-no-bandwidth.yaml", gen3.replace("    gpu: 56 GB/s\n", "")
                .replaceAll("(?m)^  dram\\.achievableBandwidth\\.gpu:.*\n", ""));
        assertThatThrownBy(() -> ProfileCatalog.loadFile(noBandwidth))
                .hasMessageEndingWith("field 'dram.achievableBandwidth': has no entry for 'gpu', which a profile with a gpu needs");
        Path noPrice = write("gpu-no-price.yaml", gen3.replace("  gpuPjPerMac: {fp32: 1.0, fp16: 0.5}\n", ""));
        assertThatThrownBy(() -> ProfileCatalog.loadFile(noPrice))
                .hasMessageEndingWith("field 'energy.gpuPjPerMac': is missing; a profile with a gpu prices its MACs");
    }

    @Test
    void negativeSizeInAUserFileIsRejected() throws IOException {
        Path file = write("neg.yaml", "extends: snapdragon-8-gen3\ndram:\n  osReserved: -2 GiB\n");
        assertThatThrownBy(() -> ProfileCatalog.loadFile(file))
                .hasMessage(file + ":3:3: field 'dram.osReserved': negative data size '-2 GiB' (must be >= 0)");
    }

    @Test
    void floatWhereIntRequiredInAUserFileIsRejected() throws IOException {
        Path file = write("float.yaml", "extends: snapdragon-8-gen3\nflash:\n  queueDepth: 31.5\n");
        assertThatThrownBy(() -> ProfileCatalog.loadFile(file))
                .hasMessage(file + ":3:3: field 'flash.queueDepth': expected a whole number, got 31.5");
    }

    @Test
    void badUnitInAUserFileIsRejected() throws IOException {
        Path file = write("unit.yaml", "extends: snapdragon-8-gen3\ndram:\n  peakBandwidth: 80 GBps\n");
        assertThatThrownBy(() -> ProfileCatalog.loadFile(file))
                .hasMessage(file + ":3:3: field 'dram.peakBandwidth': unknown unit 'GBps' "
                        + "(accepted: B/s, KB/s, MB/s, GB/s, TB/s, KiB/s, MiB/s, GiB/s)");
    }

    @Test
    void missingRequiredFieldInAStandaloneFileIsRejected() throws IOException {
        String preset = org.pocketsim.hw.config.ConfigSource
                .ofResource("org/pocketsim/hw/preset/snapdragon-8-gen3.yaml").text();
        Path file = write("standalone.yaml", preset.replace("  latency: 100 ns\n", ""));
        assertThatThrownBy(() -> ProfileCatalog.loadFile(file))
                .hasMessage(file + ":7:1: field 'dram.latency': missing required key 'latency'");
    }

    @Test
    void unknownPresetSuggestsTheNearestId() throws IOException {
        assertThatThrownBy(() -> ProfileCatalog.load("snapdragon-8-gen-3"))
                .hasMessageStartingWith("snapdragon-8-gen-3: unknown SoC preset; did you mean 'snapdragon-8-gen3'?");
        Path file = write("base.yaml", "extends: snapdragon-8-gen4\n");
        assertThatThrownBy(() -> ProfileCatalog.loadFile(file))
                .hasMessageStartingWith(file + ":1:1: field 'extends': no SoC preset 'snapdragon-8-gen4'; did you mean");
    }
}

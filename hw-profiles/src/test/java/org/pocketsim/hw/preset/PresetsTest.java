package org.pocketsim.hw.preset;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.pocketsim.hw.spec.RequesterSet;
import org.pocketsim.hw.spec.SocSpec;
import org.pocketsim.hw.unit.DataSize;

class PresetsTest {

    static List<String> ids() {
        return ProfileCatalog.ids();
    }

    @Test
    void catalogListsTheTwelveShippedPresets() {
        assertThat(ProfileCatalog.ids()).containsExactly(
                "snapdragon-8-gen3", "snapdragon-8-elite", "snapdragon-8-gen2", "apple-a17-pro", "apple-a18-pro",
                "apple-m4", "apple-m1-max", "dimensity-9300", "dimensity-9400", "tensor-g4", "exynos-2400",
                "dip-reference-phone");
    }

    @ParameterizedTest
    @MethodSource("ids")
    void everyPresetLoadsWithItsIdAndASourceForEveryFact(String id) {
        SocSpec soc = ProfileCatalog.load(id);
        assertThat(soc.id()).isEqualTo(id);
        Map<String, String> facts = soc.facts();
        assertThat(facts).isNotEmpty();
        for (String path : facts.keySet()) {
            assertThat(soc.sourceOf(path)).as(id + " " + path).isNotBlank();
        }
    }

    @Test
    void peakDramBandwidthsMatchTheReferenceTable() {
        Map<String, Double> expectedGbPerS = Map.ofEntries(
                Map.entry("snapdragon-8-gen3", 76.8), Map.entry("snapdragon-8-elite", 84.8),
                Map.entry("snapdragon-8-gen2", 67.2), Map.entry("apple-a17-pro", 51.2),
                Map.entry("apple-a18-pro", 60.0), Map.entry("apple-m4", 120.0), Map.entry("apple-m1-max", 400.0),
                Map.entry("dimensity-9300", 76.8), Map.entry("dimensity-9400", 85.3), Map.entry("tensor-g4", 68.3),
                Map.entry("exynos-2400", 68.3), Map.entry("dip-reference-phone", 60.0));
        expectedGbPerS.forEach((id, gb) ->
                assertThat(ProfileCatalog.load(id).dram().peakBandwidth().gigabytesPerSecond()).as(id).isEqualTo(gb));
    }

    @Test
    void otherSocsInheritTheSnapdragonMeasuredSharesOfPeak() {
        SocSpec elite = ProfileCatalog.load("snapdragon-8-elite");
        assertThat(elite.dram().achievable(RequesterSet.CPU).gigabytesPerSecond()).isEqualTo(48.47);
        assertThat(elite.dram().achievable(RequesterSet.NPU).gigabytesPerSecond()).isEqualTo(61.83);
        assertThat(elite.dram().achievable(RequesterSet.CPU_NPU).gigabytesPerSecond()).isEqualTo(65.81);
        assertThat(elite.cpu().memoryBandwidth().gigabytesPerSecond()).isEqualTo(48.47);
    }

    @Test
    void dipReferencePhoneUsesBandwidthsAsGiven() {
        SocSpec dip = ProfileCatalog.load("dip-reference-phone");
        for (RequesterSet set : RequesterSet.values()) {
            assertThat(dip.dram().achievable(set).bytesPerSecond()).isEqualTo(60e9);
        }
        assertThat(dip.flash().randomBandwidthAt(DataSize.parse("4 KiB")).bytesPerSecond()).isEqualTo(1e9);
        assertThat(dip.flash().sequentialBandwidthAt(DataSize.parse("1 MiB")).bytesPerSecond()).isEqualTo(1e9);
        assertThat(dip.dram().available()).isEqualTo(dip.dram().capacity());
        assertThat(dip.dram().latency().picoseconds()).isZero();
    }

    @Test
    void appleM1MaxCarriesTheLlmInAFlashThroughputs() {
        SocSpec m1 = ProfileCatalog.load("apple-m1-max");
        assertThat(m1.flash().sequentialBandwidthAt(DataSize.parse("1 GiB")).gigabytesPerSecond()).isEqualTo(6.1);
        assertThat(m1.flash().randomBandwidthAt(DataSize.parse("8 KiB")).gigabytesPerSecond()).isEqualTo(1.25);
        assertThat(m1.flash().randomBandwidthAt(DataSize.parse("16 KiB")).gigabytesPerSecond()).isEqualTo(2.25);
        assertThat(m1.flash().queueDepth()).isEqualTo(32);
    }

    @Test
    void exynos2400NpuPeakIsThePublished41Point64Tops() {
        SocSpec exynos = ProfileCatalog.load("exynos-2400");
        assertThat(2 * exynos.npu().peakMacsPerSecond("int8")).isEqualTo(41.639936e12);
        assertThat(exynos.npu().sram()).isEqualTo(DataSize.parse("6 MiB"));
    }

    @Test
    void tensorG4HasTheUfs31Curve() {
        SocSpec g4 = ProfileCatalog.load("tensor-g4");
        assertThat(g4.flash().type()).isEqualTo("UFS 3.1");
        assertThat(g4.flash().randomBandwidthAt(DataSize.parse("4 KiB")).bytesPerSecond()).isEqualTo(409.6e6);
        assertThat(g4.flash().sequentialBandwidthAt(DataSize.parse("512 KiB")).bytesPerSecond()).isEqualTo(980e6);
    }
}

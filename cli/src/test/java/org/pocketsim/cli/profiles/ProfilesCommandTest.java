package org.pocketsim.cli.profiles;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pocketsim.cli.CliRun;

class ProfilesCommandTest {

    @TempDir
    Path dir;

    @Test
    void listPrintsAnAlignedRowPerPreset() {
        CliRun run = CliRun.of("profiles", "list");
        assertThat(run.exitCode()).isZero();
        String[] lines = run.out().split("\\R");
        assertThat(lines).hasSize(13);
        assertThat(lines[0]).startsWith("ID  ").contains("NAME").contains("DRAM").contains("FLASH").contains("NPU");
        assertThat(lines[1]).startsWith("snapdragon-8-gen3  ")
                .contains("Snapdragon 8 Gen 3").contains("12 GiB LPDDR5X-9600").contains("76.8 GB/s / 59.6 GB/s")
                .contains("UFS 4.0 4 GB/s").endsWith("Hexagon NPU 45.0 TOPS");
        assertThat(lines[11]).startsWith("exynos-2400").endsWith("41.6 TOPS");
        int nameColumn = lines[0].indexOf("NAME");
        for (String line : lines) {
            assertThat(line.charAt(nameColumn - 1)).as(line).isEqualTo(' ');
            assertThat(line.charAt(nameColumn)).as(line).isNotEqualTo(' ');
        }
    }

    @Test
    void showPrintsEveryFactWithItsSource() {
        CliRun run = CliRun.of("profiles", "show", "snapdragon-8-gen3");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("snapdragon-8-gen3: Snapdragon 8 Gen 3")
                .contains("DRAM available to models: 7 GiB (capacity 12 GiB minus OS/app reserve 5 GiB)")
                .containsPattern("dram\\.achievableBandwidth\\.cpu +43\\.9 GB/s +PowerInfer-2")
                .containsPattern("flash\\.sequentialRead +4 KiB -> 450 MB/s, 512 KiB -> 4 GB/s +PowerInfer-2")
                .containsPattern("npu\\.macsPerCycle\\.int8 +22500 +computed: \\[Q9\\]");
    }

    @Test
    void showAcceptsAUserFileThatExtendsAPreset() throws IOException {
        Path file = dir.resolve("mine.yaml");
        Files.writeString(file, "extends: snapdragon-8-gen3\nid: mine\ndram:\n  capacity: 16 GiB\n");
        CliRun run = CliRun.of("profiles", "show", file.toString());
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("mine: Snapdragon 8 Gen 3")
                .containsPattern("dram\\.capacity +16 GiB +override in " + java.util.regex.Pattern.quote(file.toString()));
    }

    @Test
    void badProfileFileIsBadInputOnOneLine() throws IOException {
        Path file = dir.resolve("typo.yaml");
        Files.writeString(file, "extends: snapdragon-8-gen3\nflash:\n  queueDepth: 8.5\n");
        CliRun run = CliRun.of("profiles", "show", file.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo(file + ":3:3: field 'flash.queueDepth': expected a whole number, "
                + "got 8.5" + System.lineSeparator());
    }

    @Test
    void unknownPresetIsBadInputWithASuggestion() {
        CliRun run = CliRun.of("profiles", "show", "apple-m5");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("apple-m5: unknown SoC preset; did you mean 'apple-m4'?");
    }

    @Test
    void showWithoutAnArgumentIsBadInput() {
        CliRun run = CliRun.of("profiles", "show");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("pocketsim profiles show: missing required parameter: 'ID|FILE' "
                + "(see 'pocketsim profiles show --help')" + System.lineSeparator());
    }
}

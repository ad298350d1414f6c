package org.pocketsim.workload.synth;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class RoutingStatsTest {

    @Test
    void handComputedStatisticsOfANineTokenWindow() {
        int[][] sets = {{0, 1}, {0, 1}, {0, 2}, {0, 1}, {0, 1}, {0, 1}, {0, 1}, {0, 1}, {0, 3}};
        RoutingStats s = RoutingStats.of(sets, 4);
        assertThat(s.tokens()).isEqualTo(9);
        assertThat(s.reuseD1()).isCloseTo(6.5 / 8, within(1e-12));
        assertThat(s.reuseD2()).isCloseTo(5.5 / 7, within(1e-12));
        assertThat(s.reuseD4()).isCloseTo(4.0 / 5, within(1e-12));
        assertThat(s.reuseD8()).isCloseTo(0.5, within(1e-12));
        assertThat(s.topExpertShare()).isCloseTo(9.0 / 18, within(1e-12));
        assertThat(s.fracCover50()).isEqualTo(0.25);
        assertThat(s.fracCover80()).isEqualTo(0.5);
        assertThat(s.fracUnused()).isZero();
    }

    @Test
    void reproducesThePublishedPerLayerStatisticsOfTheRealOlmoeTrace() throws IOException {
        int[][][] real = ExpertIdsJsonl.read(TestData.olmoeTrace());
        List<String> lines = Files.readAllLines(TestData.olmoeStats());
        assertThat(lines).hasSize(17);
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            int layer = Integer.parseInt(f[2]);
            RoutingStats s = RoutingStats.of(real[layer], 64);
            double tol = 5.1e-5;
            assertThat(s.tokens()).isEqualTo(Integer.parseInt(f[5]));
            assertThat(s.reuseD1()).as("layer %d d1", layer).isCloseTo(Double.parseDouble(f[6]), within(tol));
            assertThat(s.reuseD2()).isCloseTo(Double.parseDouble(f[7]), within(tol));
            assertThat(s.reuseD4()).isCloseTo(Double.parseDouble(f[8]), within(tol));
            assertThat(s.reuseD8()).isCloseTo(Double.parseDouble(f[9]), within(tol));
            assertThat(s.topExpertShare()).isCloseTo(Double.parseDouble(f[10]), within(tol));
            assertThat(s.fracCover50()).isCloseTo(Double.parseDouble(f[11]), within(tol));
            assertThat(s.fracCover80()).isCloseTo(Double.parseDouble(f[12]), within(tol));
            assertThat(s.fracUnused()).isCloseTo(Double.parseDouble(f[13]), within(tol));
        }
    }

    @Test
    void expertIdOutsideTheLayerIsRejected() {
        int[][] sets = new int[9][];
        for (int t = 0; t < 9; t++) sets[t] = new int[]{0, t == 4 ? 7 : 1};
        assertThatThrownBy(() -> RoutingStats.of(sets, 4)).hasMessageContaining("expert id 7 outside 0..3");
    }
}

package org.pocketsim.workload.synth;

import org.junit.jupiter.api.Test;
import org.pocketsim.workload.model.ModelCatalog;
import org.pocketsim.workload.model.ModelSpec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

import static org.assertj.core.api.Assertions.assertThat;

/** The shipped per-layer routing fits are what the fitter computes now, and rebuild the fitted layers exactly. */
class RoutingFitTableTest {

    @Test
    void theShippedTableIsAFreshFitOfEveryStudyModelBitForBit() throws IOException {
        String shipped = Files.readString(TestData.repoRoot().resolve("data/traces/" + RoutingFitTable.FILE), StandardCharsets.UTF_8);
        assertThat(RoutingFitTable.compute()).isEqualTo(shipped);
        assertThat(shipped.lines().count()).isEqualTo(1 + 24 + 26 + 32 + 32 + 16);
    }

    @Test
    void layersBuiltFromTheTableEqualLayersFittedAtLoadTime() {
        ModelSpec mixtral = ModelCatalog.load("mixtral-8x7b");
        assertThat(RoutingFitTable.shipped(32, 8, 2)).isNotNull();
        RoutingCalibration fromTable = RoutingCalibration.olmoePerLayer(mixtral);
        RoutingCalibration fitted = RoutingCalibration.fromDepthProfile(mixtral, RoutingDepthProfile.olmoe(), RoutingFitTable.FIT_SEED);
        assertThat(fromTable.perLayer()).containsExactly(fitted.perLayer());
        assertThat(fromTable.origin()).endsWith("(parameters from " + RoutingFitTable.FILE + ")");
        assertThat(fitted.origin()).doesNotContain(RoutingFitTable.FILE);
    }

    @Test
    void shapesOutsideTheTableAreFittedAtLoadTime() {
        ModelSpec small = ModelCatalog.resolve(TestData.repoRoot().resolve("data/traces/real/models/pocketsim-olmoe-py.yaml").toString());
        assertThat(RoutingFitTable.shipped(8, 32, 4)).isNull();
        RoutingCalibration rc = RoutingCalibration.olmoePerLayer(small);
        assertThat(rc.origin()).doesNotContain(RoutingFitTable.FILE).contains("OLMoE-1B-7B-0924");
        assertThat(rc.perLayer()).containsExactly(
                RoutingCalibration.fromDepthProfile(small, RoutingDepthProfile.olmoe(), RoutingFitTable.FIT_SEED).perLayer());
    }
}

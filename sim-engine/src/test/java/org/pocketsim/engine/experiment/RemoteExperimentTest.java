package org.pocketsim.engine.experiment;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.pocketsim.engine.sweep.RemotePointWork;
import org.pocketsim.engine.sweep.SweepPoint;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A point run from the experiment's shipped recipe (as a Spark executor runs it) gives the result
 * the driver's own prepared point gives, byte for byte, including a run's {@code quality:} node
 * (which the rebuilt point once kept in its run section and failed on); in the driver's own JVM
 * (Spark's local mode) it runs the driver's prepared point while the driver offers it.
 */
class RemoteExperimentTest {

    @Test
    void aShippedPointWithAQualityNodeRunsAsTheDriversOwn() throws Exception {
        LoadedExperiment exp = ExperimentLoader.load(DecodeBaselinesStudyTest.repoRoot().resolve("configs/compression-formats.yaml"),
                List.of("sweep.axes={run.model: [../data/traces/real/models/pocketsim-llama-py.yaml], run.soc: [snapdragon-8-elite]}",
                        "report.charts=[]", "report.summaryFilter={}"));
        assertThat(exp.points()).hasSize(54);
        RemotePointWork remote = exp.remote();
        ObjectMapper json = new ObjectMapper();
        int joined = 0;
        for (SweepPoint point : List.of(exp.points().get(6), exp.points().get(24), exp.points().get(42))) {
            var local = ExperimentRunner.runPoint(point, exp.prepared().get(point.index()));
            assertThat(remote.run(point)).as(point.label()).isEqualTo(json.writeValueAsString(local));
            if (local.metrics().containsKey("measuredPerplexity")) joined++;
        }
        assertThat(joined).as("points carrying the quality CSV's measured perplexity").isEqualTo(3);
    }

    @Test
    void inTheDriversJvmAnOfferedPointRunsWithoutRebuildingTheExperiment() throws Exception {
        // A recipe of its own (these overrides), so no other test has rebuilt it in this JVM.
        LoadedExperiment same = ExperimentLoader.load(DecodeBaselinesStudyTest.repoRoot().resolve("configs/decode-baselines.yaml"),
                List.of("report.charts=[]", "report.summary=[tokensPerSecond]"));
        RemoteExperiment remote = same.remote();
        SweepPoint point = same.points().get(3);
        String driver = new ObjectMapper().writeValueAsString(ExperimentRunner.runPoint(point, same.prepared().get(3)));
        try (RemoteExperiment.Offer offer = remote.offerInThisJvm(same.points(), same.prepared())) {
            assertThat(remote.run(point)).isEqualTo(driver);
            assertThat(remote.rebuiltHere()).as("rebuilt while the driver offered its points").isFalse();
        }
        assertThat(remote.run(point)).as("rebuilt from the recipe once the offer is withdrawn").isEqualTo(driver);
        assertThat(remote.rebuiltHere()).isTrue();
    }
}

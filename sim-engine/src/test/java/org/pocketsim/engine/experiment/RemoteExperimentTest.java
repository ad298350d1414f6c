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
 * (which the rebuilt point once kept in its run section and failed on).
 */
class RemoteExperimentTest {

    @Test
    void aShippedPointWithAQualityNodeRunsAsTheDriversOwn() throws Exception {
        LoadedExperiment exp = ExperimentLoader.load(DecodeBaselinesStudyTest.repoRoot().resolve("configs/compression-formats.yaml"),
                List.of("sweep.axes={run.model: [../data/traces/real/models/pocketsim-llama-py.yaml], run.soc: [snapdragon-8-elite]}",
                        "report.charts=[]"));
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
}

package org.pocketsim.engine.experiment;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pocketsim.engine.result.Comparison;
import org.pocketsim.engine.result.ExperimentResult;
import org.pocketsim.engine.sweep.Progress;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DecodeBaselinesStudyTest {

    static Path repoRoot() {
        String root = System.getProperty("pocketsim.repoRoot");
        Path p = root != null ? Path.of(root) : Path.of("").toAbsolutePath();
        while (p != null && !java.nio.file.Files.exists(p.resolve("mvnw"))) p = p.getParent();
        return p;
    }

    @Test
    void everyPublishedMeasurementIsPredictedWithinTwentyPercent(@TempDir Path dir) {
        LoadedExperiment exp = ExperimentLoader.load(repoRoot().resolve("configs/decode-baselines.yaml"), List.of());
        Progress quiet = new Progress(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), false, exp.points().size());
        ExperimentResult result = ExperimentRunner.run(exp, dir.resolve("state.jsonl"), 2, quiet);
        assertThat(result.comparisons()).hasSize(11).allSatisfy(c -> assertThat(c.within(0.20)).as(c.label() + " " + c.metric()).isTrue());
        // Golden predictions: any change to the model, the presets or the config shows here.
        double[] golden = {12.515287694751104, 14.406695718468347, 1390.6388276565333, 8.487496540850506, 18.647579565142976,
                12.25972152239723, 2179.8791134426165, 1081.5184577049179, 687.1947671999988, 164.92674399999993, 91.62638581555126};
        for (int i = 0; i < golden.length; i++) {
            Comparison c = result.comparisons().get(i);
            assertThat(c.predicted()).as(c.label() + " " + c.metric()).isCloseTo(golden[i], org.assertj.core.data.Percentage.withPercentage(1e-6));
        }
    }
}

package org.pocketsim.engine.analysis;

import org.junit.jupiter.api.Test;
import org.pocketsim.engine.result.Metrics;
import org.pocketsim.engine.result.PointResult;
import org.pocketsim.engine.result.ResultTable;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The two headline comparisons on hand-made curves. */
class ParetoHeadlineTest {

    private static final List<ParetoHeadline.Point> BASE = List.of(
            new ParetoHeadline.Point("dense", 2e9, 1.0), new ParetoHeadline.Point("dense", 4e9, 2.0),
            new ParetoHeadline.Point("dense", 8e9, 10.0));

    @Test
    void theBaselineCurveIsInterpolatedBothWays() {
        // 1.5 tok/s lies halfway between 2 and 4 GB; 6 GB halfway between 2 and 10 tok/s
        assertThat(ParetoHeadline.dramForThroughput(BASE, 1.5)).isCloseTo(3e9, within(1.0));
        assertThat(ParetoHeadline.throughputAtDram(BASE, 6e9)).isCloseTo(6.0, within(1e-12));
        assertThat(ParetoHeadline.dramForThroughput(BASE, 11)).isNaN();
        assertThat(ParetoHeadline.throughputAtDram(BASE, 1e9)).isNaN();
    }

    @Test
    void theFrontKeepsOnlyPointsNothingBeatsOnBothAxes() {
        List<ParetoHeadline.Point> front = ParetoHeadline.front(List.of(new ParetoHeadline.Point("a", 3e9, 2.0),
                new ParetoHeadline.Point("b", 3e9, 1.0), new ParetoHeadline.Point("c", 5e9, 1.5),
                new ParetoHeadline.Point("d", 5e9, 4.0)));
        assertThat(front).extracting(ParetoHeadline.Point::label).containsExactly("a", "d");
    }

    @Test
    void savingAndGainAreTheBestOverTheFront() {
        // candidate at 3 GB, 2 tok/s: dense needs 4 GB for 2 tok/s (25% saved) and gives 1.5 tok/s at 3 GB (+33.3%)
        List<PointResult> results = List.of(point(2e9, 1.0), point(4e9, 2.0), point(8e9, 10.0), point(3e9, 2.0));
        ResultTable t = ParetoHeadline.table(new HeadlineSpec("h", "dense", List.of("dip"), null), results,
                List.of("dense", "dense", "dense", "dip"), Path.of("."));
        assertThat(t.rows().get(0).get(1)).isEqualTo("+25.0%");
        assertThat(t.rows().get(1).get(1)).isEqualTo("+33.3%");
    }

    private static PointResult point(double dram, double tps) {
        return new PointResult(0, "0123456789abcdef", Map.of(), Map.of(Metrics.DRAM_FOOTPRINT_BYTES, dram,
                Metrics.TOKENS_PER_SECOND, tps), Map.of(), List.of());
    }
}

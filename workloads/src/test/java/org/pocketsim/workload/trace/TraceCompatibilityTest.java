package org.pocketsim.workload.trace;

import org.junit.jupiter.api.Test;
import org.pocketsim.workload.model.ModelCatalog;
import org.pocketsim.workload.model.ModelSpec;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TraceCompatibilityTest {

    private final ModelSpec lite = ModelCatalog.load("deepseek-v2-lite"); // 27 layers, layer 0 dense, 64 experts top-6

    private static TraceInfo info(String model, List<Integer> layers) {
        return new TraceInfo(model, TraceInfo.SourceKind.IMPORTED, 3, layers, Map.of());
    }

    @Test
    void aTraceOfTheModelWithItsMoeLayersFits() {
        TraceShape shape = new TraceShape(27, 0, 0, 64, 6);
        assertThat(TraceCompatibility.check(info("deepseek-v2-lite", List.of(1, 2, 26)), shape, lite)).isEmpty();
        assertThat(TraceCompatibility.check(info("deepseek-v2-lite", List.of(0, 1)), TraceShape.of(lite), lite)).isEmpty();
    }

    @Test
    void anotherModelsTraceListsEveryDifferenceInOrder() {
        TraceShape olmoe = TraceShape.of(ModelCatalog.load("olmoe-1b-7b-0924"));
        assertThat(TraceCompatibility.check(info("olmoe-1b-7b-0924", List.of(0, 15)), olmoe, lite)).containsExactly(
                "trace recorded for model 'olmoe-1b-7b-0924', the model is 'deepseek-v2-lite'",
                "trace shape.layers is 16, the model has 27",
                "trace shape.intermediate is 1024, the model has 1408",
                "trace shape.topK is 8, the model has 6");
    }

    @Test
    void layersOutsideTheModelAreProblems() {
        TraceShape shape = new TraceShape(30, 2048, 0, 64, 6);
        assertThat(TraceCompatibility.check(info("deepseek-v2-lite", List.of(26, 27, 29)), shape, lite)).containsExactly(
                "trace shape.layers is 30, the model has 27",
                "trace layer 27 is outside the model's layers 0..26",
                "trace layer 29 is outside the model's layers 0..26");
    }

    @Test
    void routingStoredOnADenseLayerIsAProblem() {
        TraceShape shape = new TraceShape(27, 0, 0, 64, 6);
        InMemoryTrace shifted = new InMemoryTrace(info("deepseek-v2-lite", List.of(0, 1)), shape);
        shifted.putExperts(0, new int[] {0, 1, 2, 3, 4, 5, 0, 1, 2, 3, 4, 5, 0, 1, 2, 3, 4, 5});
        shifted.putExperts(1, new int[] {0, 1, 2, 3, 4, 5, 0, 1, 2, 3, 4, 5, 0, 1, 2, 3, 4, 5});
        assertThat(TraceCompatibility.check(shifted, shape, lite)).containsExactly(
                "trace holds layers.0.experts but layer 0 of deepseek-v2-lite is dense; its MoE layers are 1..26");
    }

    @Test
    void layerRangesCollapseRuns() {
        assertThat(TraceCompatibility.layerRanges(List.of(1, 2, 3, 5, 7, 8))).isEqualTo("1..3, 5, 7, 8");
        assertThat(TraceCompatibility.layerRanges(List.of())).isEqualTo("none");
    }
}

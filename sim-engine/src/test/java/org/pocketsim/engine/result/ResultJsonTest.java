package org.pocketsim.engine.result;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ResultJsonTest {

    static PointResult point(int index, String id, double tps) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("method", "dip");
        params.put("density", "0.5");
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("tokensPerSecond", tps);
        metrics.put("msPerToken", 1000 / tps);
        return new PointResult(index, id, params, metrics,
                Map.of("hitRateByLayer", PointResult.seriesOf(0.5, 0.75)), List.of("note"));
    }

    @Test
    void pointLineKeepsProducerOrderOfParametersAndMetrics() {
        assertThat(ResultJson.toJsonLine(point(3, "p3", 4.0))).isEqualTo(
                "{\"index\":3,\"pointId\":\"p3\",\"parameters\":{\"method\":\"dip\",\"density\":\"0.5\"},"
                        + "\"metrics\":{\"tokensPerSecond\":4.0,\"msPerToken\":250.0},"
                        + "\"series\":{\"hitRateByLayer\":[0.5,0.75]},\"notes\":[\"note\"]}");
    }

    @Test
    void pointLineReadsBackEqual() {
        PointResult p = point(3, "p3", 4.0);
        assertThat(ResultJson.pointFromJson(ResultJson.toJsonLine(p))).isEqualTo(p);
    }

    @Test
    void experimentReadsBackEqualIncludingReportSpecAndComparisons() {
        ExperimentResult r = new ExperimentResult("dip-phi3", "DIP", "How fast?", "seed: 1\n", "abc", 7L, "0.1.0",
                List.of(point(1, "b", 2.0), point(0, "a", 4.0)),
                List.of(new TraceProvenance("t", "phi-3-medium", "synthetic", 16, Map.of("seed", "7"))),
                List.of(new Comparison("S24", "tokensPerSecond", 12.0, 13.72, "tok/s", "paper")),
                List.of(new ResultTable("calib", List.of("a", "b"), List.of(List.of("1", "2")))),
                new ReportSpec(List.of(ChartSpec.of(ChartType.PARETO, "Speed vs DRAM", "dramFootprintBytes",
                        List.of("tokensPerSecond"), "method")), List.of("tokensPerSecond"), 0.1));
        String json = ResultJson.toJson(r);
        assertThat(ResultJson.experimentFromJson(json)).isEqualTo(r);
        assertThat(json).contains("\"relativeError\" : " + ((12.0 - 13.72) / 13.72));
    }

    @Test
    void resolvedNumbersOfEachPointReadBackEqualAndMustNameAPoint() {
        var node = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode();
        node.putObject("soc").put("dram.peakBandwidth", "76.8 GB/s");
        node.putObject("model").put("layers", 32);
        ExperimentResult r = new ExperimentResult("x", "X", null, null, "h", 1, "v", List.of(point(0, "a", 1.0)),
                null, null, null, null, Map.of("a", node));
        ExperimentResult back = ResultJson.experimentFromJson(ResultJson.toJson(r));
        assertThat(back).isEqualTo(r);
        assertThat(back.resolvedOf("a").orElseThrow().at("/model/layers").asInt()).isEqualTo(32);
        assertThatThrownBy(() -> new ExperimentResult("x", "X", null, null, "h", 1, "v", List.of(point(0, "a", 1.0)),
                null, null, null, null, Map.of("zz", node)))
                .hasMessage("ExperimentResult.resolved names point id zz, which no point has");
    }

    @Test
    void pointsAreSortedByIndex() {
        ExperimentResult r = new ExperimentResult("x", "X", null, null, "h", 1, "v",
                List.of(point(2, "c", 1.0), point(0, "a", 1.0), point(1, "b", 1.0)), null, null, null, null);
        assertThat(r.points()).extracting(PointResult::pointId).containsExactly("a", "b", "c");
        assertThat(r.report()).isEqualTo(ReportSpec.empty());
    }

    @Test
    void unknownPropertyIsAnErrorNamingIt() {
        assertThatThrownBy(() -> ResultJson.pointFromJson("{\"index\":0,\"pointId\":\"a\",\"bogus\":1}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bogus");
    }
}

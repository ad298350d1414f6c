package org.pocketsim.report.data;

import org.junit.jupiter.api.Test;
import org.pocketsim.engine.result.ChartSpec;
import org.pocketsim.engine.result.ChartType;
import org.pocketsim.engine.result.Comparison;
import org.pocketsim.engine.result.ExperimentResult;
import org.pocketsim.engine.result.PointResult;
import org.pocketsim.engine.result.ReportSpec;
import org.pocketsim.engine.result.ResultJson;
import org.pocketsim.engine.result.TraceProvenance;
import org.pocketsim.report.SampleResults;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ResultsJsonFileTest {

    @Test
    void smallExperimentHasThisExactJson() {
        PointResult p = new PointResult(0, "a1", Map.of("cache", "lru"), Map.of("tokensPerSecond", 12.5),
                Map.of("hitRateByLayer", List.of(0.5, 1.0)), List.of());
        ExperimentResult r = new ExperimentResult("tiny", "Tiny", "Why?", "seed: 3\n", "ff00", 3L, "0.1.0",
                List.of(p), List.of(new TraceProvenance("t.safetensors", "olmoe", "captured", 4, Map.of())),
                List.of(new Comparison("phone", "tokensPerSecond", 12.5, 10.0, "tok/s", "paper")), List.of(),
                new ReportSpec(List.of(ChartSpec.of(ChartType.SCATTER, "S", "cache", List.of("tokensPerSecond"), null)),
                        List.of(), null));
        assertThat(ResultsJsonFile.write(r)).isEqualTo("""
                {
                  "experimentId" : "tiny",
                  "title" : "Tiny",
                  "question" : "Why?",
                  "configText" : "seed: 3\\n",
                  "configHash" : "ff00",
                  "seed" : 3,
                  "version" : "0.1.0",
                  "points" : [ {
                    "index" : 0,
                    "pointId" : "a1",
                    "parameters" : {
                      "cache" : "lru"
                    },
                    "metrics" : {
                      "tokensPerSecond" : 12.5
                    },
                    "series" : {
                      "hitRateByLayer" : [ 0.5, 1.0 ]
                    },
                    "notes" : [ ]
                  } ],
                  "traces" : [ {
                    "label" : "t.safetensors",
                    "modelId" : "olmoe",
                    "sourceKind" : "captured",
                    "tokens" : 4,
                    "details" : { }
                  } ],
                  "comparisons" : [ {
                    "label" : "phone",
                    "metric" : "tokensPerSecond",
                    "predicted" : 12.5,
                    "published" : 10.0,
                    "unit" : "tok/s",
                    "source" : "paper",
                    "relativeError" : 0.25
                  } ],
                  "tables" : [ ],
                  "report" : {
                    "charts" : [ {
                      "type" : "scatter",
                      "title" : "S",
                      "x" : "cache",
                      "y" : [ "tokensPerSecond" ],
                      "seriesBy" : null,
                      "filter" : { },
                      "xLabel" : null,
                      "yLabel" : null,
                      "logX" : null,
                      "logY" : null,
                      "xBetter" : null,
                      "yBetter" : null
                    } ],
                    "summary" : [ ],
                    "comparisonTolerance" : 0.2
                  },
                  "resolved" : { }
                }
                """);
    }

    @Test
    void sampleReadsBackEqual() {
        ExperimentResult r = SampleResults.experiment();
        assertThat(ResultJson.experimentFromJson(ResultsJsonFile.write(r))).isEqualTo(r);
    }
}

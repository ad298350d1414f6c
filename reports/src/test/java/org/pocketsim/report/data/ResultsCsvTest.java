package org.pocketsim.report.data;

import org.junit.jupiter.api.Test;
import org.pocketsim.engine.result.ExperimentResult;
import org.pocketsim.engine.result.PointResult;
import org.pocketsim.report.SampleResults;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ResultsCsvTest {

    @Test
    void sampleCsvHasParametersThenMetricsInFirstSeenOrderAndQuotesCommas() {
        assertThat(ResultsCsv.write(SampleResults.experiment())).isEqualTo("""
                index,pointId,method,density,tokensPerSecond,msPerToken,msFlashIo,msDramIo,msCompute,msStall,dramFootprintBytes,hitRate
                0,p0,dense,1.0,2.5,400,300,60,40,0,4000000000,0.5
                1,p1,dip,0.5,5,200,120,50,30,0,3000000000,0.75
                2,p2,dip,0.25,8,125,60,40,25,0,2000000000,0.875
                3,p3,"dip-ca,g=0.5",0.25,10,100,40,35,25,0,2500000000,0.9375
                """);
    }

    @Test
    void metricMissingFromAPointIsAnEmptyCellAndNewColumnsFollowInFirstSeenOrder() {
        PointResult a = new PointResult(0, "a", Map.of("x", "1"), Map.of("m1", 1.5), null, null);
        PointResult b = new PointResult(1, "b", Map.of("x", "2"), Map.of("m2", 0.1), null, null);
        ExperimentResult r = new ExperimentResult("e", "E", "", "", "h", 0, "v", List.of(b, a), null, null, null, null);
        assertThat(ResultsCsv.write(r)).isEqualTo("index,pointId,x,m1,m2\n0,a,1,1.5,\n1,b,2,,0.1\n");
    }

    @Test
    void quotesDoubleQuotesAndLineBreaks() {
        assertThat(ResultsCsv.quote("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(ResultsCsv.quote("a\nb")).isEqualTo("\"a\nb\"");
        assertThat(ResultsCsv.quote("plain")).isEqualTo("plain");
    }
}

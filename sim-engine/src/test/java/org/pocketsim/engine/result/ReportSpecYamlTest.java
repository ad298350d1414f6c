package org.pocketsim.engine.result;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The experiment loader binds the YAML {@code report:} section straight onto these records. */
class ReportSpecYamlTest {

    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    @Test
    void reportSectionBindsWithSingleYStringAndDefaults() throws Exception {
        String text = """
                charts:
                  - type: pareto
                    title: Speed vs DRAM
                    x: dramFootprintBytes
                    y: tokensPerSecond
                    seriesBy: method
                    filter: {cache: lru}
                    logX: true
                  - type: stacked-bar
                    title: Time per token
                summary: [tokensPerSecond, hitRate]
                """;
        ReportSpec spec = yaml.readValue(text, ReportSpec.class);
        ChartSpec pareto = spec.charts().get(0);
        assertThat(pareto.type()).isEqualTo(ChartType.PARETO);
        assertThat(pareto.y()).containsExactly("tokensPerSecond");
        assertThat(pareto.filter()).isEqualTo(Map.of("cache", "lru"));
        assertThat(pareto.logX()).isTrue();
        assertThat(pareto.logY()).as("absent: chosen from the data's span").isNull();
        assertThat(pareto.yBetter()).isEqualTo(ChartSpec.Better.HIGHER);
        assertThat(spec.charts().get(1).y()).isEqualTo(Metrics.TIME_BREAKDOWN);
        assertThat(spec.summary()).isEqualTo(List.of("tokensPerSecond", "hitRate"));
        assertThat(spec.comparisonTolerance()).isEqualTo(0.2);
    }

    @Test
    void badChartTypeFailsBinding() {
        assertThatThrownBy(() -> yaml.readValue("charts: [{type: pie, title: T}]", ReportSpec.class))
                .hasMessageContaining("unknown chart type 'pie'");
    }
}

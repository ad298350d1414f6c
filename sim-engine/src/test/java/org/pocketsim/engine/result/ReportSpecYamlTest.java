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
    void summaryFilterAndTablesBindAndAreLeftOutOfJsonWhenAbsent() throws Exception {
        String text = """
                summary: [measuredMs, predictedMs]
                summaryFilter: {run: "log device"}
                tables:
                  - title: What if
                    filter: {run.group: decode-step}
                    metrics: [predictedStepMs, tokensPerSecond]
                    note: Errors are against the log device.
                  - {title: All speeds, metrics: tokensPerSecond}
                """;
        ReportSpec spec = yaml.readValue(text, ReportSpec.class);
        assertThat(spec.summaryFilter()).isEqualTo(Map.of("run", "log device"));
        assertThat(spec.tables()).containsExactly(
                new PointTableSpec("What if", Map.of("run.group", "decode-step"), List.of("predictedStepMs", "tokensPerSecond"),
                        "Errors are against the log device."),
                new PointTableSpec("All speeds", Map.of(), List.of("tokensPerSecond"), null));
        ObjectMapper json = new ObjectMapper();
        assertThat(json.writeValueAsString(spec)).contains("\"summaryFilter\":{\"run\":\"log device\"}",
                "\"tables\":[{\"title\":\"What if\",\"filter\":{\"run.group\":\"decode-step\"}",
                "{\"title\":\"All speeds\",\"filter\":{},\"metrics\":[\"tokensPerSecond\"]}");
        assertThat(json.writeValueAsString(new ReportSpec(List.of(), List.of("tokensPerSecond"), null)))
                .isEqualTo("{\"charts\":[],\"summary\":[\"tokensPerSecond\"],\"comparisonTolerance\":0.2}");
    }

    @Test
    void aTableNeedsATitleAndAMetric() {
        assertThatThrownBy(() -> yaml.readValue("tables: [{title: T, metrics: []}]", ReportSpec.class))
                .hasMessageContaining("table 'T'.metrics must name at least one metric");
        assertThatThrownBy(() -> yaml.readValue("tables: [{title: ' ', metrics: [hitRate]}]", ReportSpec.class))
                .hasMessageContaining("table.title is required");
    }

    @Test
    void badChartTypeFailsBinding() {
        assertThatThrownBy(() -> yaml.readValue("charts: [{type: pie, title: T}]", ReportSpec.class))
                .hasMessageContaining("unknown chart type 'pie'");
    }
}

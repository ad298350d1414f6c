package org.pocketsim.engine.result;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One prediction set beside a published measurement, e.g. Llama-3-8B w4a16 decode on a
 * Galaxy S24: predicted 13.1 tok/s, published 13.72 tok/s.
 *
 * @param label     what was measured (model, format, device), as the report shows it
 * @param metric    the metric compared (e.g. {@link Metrics#TOKENS_PER_SECOND})
 * @param predicted PocketSim's value
 * @param published the measured value from the source, non-zero
 * @param unit      unit of both values as text (e.g. "tok/s", "ms")
 * @param source    citation of the measurement (paper, table, row)
 */
@JsonPropertyOrder({"label", "metric", "predicted", "published", "unit", "source", "relativeError"})
@JsonIgnoreProperties(value = "relativeError", allowGetters = true)
public record Comparison(String label, String metric, double predicted, double published, String unit,
                         String source) {

    private static final String OWNER = "Comparison";

    public Comparison {
        Checks.required(label, OWNER, "label");
        Checks.required(metric, OWNER, "metric");
        Checks.finite(predicted, OWNER + "[" + label + "]", "predicted");
        Checks.finite(published, OWNER + "[" + label + "]", "published");
        if (published == 0) throw new IllegalArgumentException(OWNER + "[" + label + "].published must be non-zero");
        unit = Checks.orEmpty(unit);
        Checks.required(source, OWNER + "[" + label + "]", "source");
    }

    /** (predicted - published) / |published|: positive when PocketSim over-predicts. */
    @JsonProperty("relativeError")
    public double relativeError() {
        return (predicted - published) / Math.abs(published);
    }

    /** Whether |relative error| is at most {@code tolerance} (a fraction, 0.2 for 20%). */
    public boolean within(double tolerance) {
        return Math.abs(relativeError()) <= tolerance;
    }
}

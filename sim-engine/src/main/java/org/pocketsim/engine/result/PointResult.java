package org.pocketsim.engine.result;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one sweep point produced: the values of the swept axes and the measured metrics.
 *
 * <p>Metric names are free, but the ones the reports know (time breakdown, summary table)
 * are listed in {@link Metrics}. A metric a point does not have is absent, never NaN: every
 * metric value is finite. Per-layer series (e.g. {@link Metrics#HIT_RATE_BY_LAYER}) hold one
 * value per simulated layer, in layer order.
 *
 * @param index      position of the point in the sweep, 0-based, unique within an experiment
 * @param pointId    stable id of the point (e.g. hash of its resolved spec), used to resume sweeps
 * @param parameters swept axis name to its value as written in the config, in axis order
 * @param metrics    metric name to value, in the producer's order
 * @param series     series name to values (one per layer), in the producer's order
 * @param notes      free remarks about the point (warnings, assumptions it ran under)
 */
@JsonPropertyOrder({"index", "pointId", "parameters", "metrics", "series", "notes"})
public record PointResult(int index, String pointId, Map<String, String> parameters,
                          Map<String, Double> metrics, Map<String, List<Double>> series,
                          List<String> notes) {

    /** Version of what a stored point holds and means; a change re-runs every stored point. */
    public static final int SCHEMA_VERSION = 2;

    private static final String OWNER = "PointResult";

    public PointResult {
        if (index < 0) throw new IllegalArgumentException(OWNER + ".index must be >= 0, got " + index);
        Checks.required(pointId, OWNER, "pointId");
        parameters = Checks.orderedMap(parameters, OWNER, "parameters");
        metrics = Checks.orderedMap(metrics, OWNER, "metrics");
        for (Map.Entry<String, Double> m : metrics.entrySet()) {
            Checks.finite(m.getValue(), OWNER + "[" + pointId + "]", "metrics." + m.getKey());
        }
        series = copySeries(series, pointId);
        notes = Checks.list(notes, OWNER, "notes");
    }

    /** Value of metric {@code name}; an error naming the point when it is absent. */
    public double metric(String name) {
        Double v = metrics.get(name);
        if (v == null) {
            throw new IllegalArgumentException("point " + index + " (" + pointId + ") has no metric '" + name
                    + "'; it has " + metrics.keySet());
        }
        return v;
    }

    /** Whether the point carries metric {@code name}. */
    public boolean hasMetric(String name) {
        return metrics.containsKey(name);
    }

    /** Values of series {@code name} as a fresh array; an error naming the point when absent. */
    public double[] seriesValues(String name) {
        List<Double> values = series.get(name);
        if (values == null) {
            throw new IllegalArgumentException("point " + index + " (" + pointId + ") has no series '" + name
                    + "'; it has " + series.keySet());
        }
        double[] out = new double[values.size()];
        for (int i = 0; i < out.length; i++) out[i] = values.get(i);
        return out;
    }

    /** Copies {@code values} into an immutable series list, for producers holding primitive arrays. */
    public static List<Double> seriesOf(double... values) {
        List<Double> out = new ArrayList<>(values.length);
        for (double v : values) out.add(v);
        return Collections.unmodifiableList(out);
    }

    private static Map<String, List<Double>> copySeries(Map<String, List<Double>> series, String pointId) {
        Map<String, List<Double>> checked = Checks.orderedMap(series, OWNER, "series");
        Map<String, List<Double>> copy = new LinkedHashMap<>();
        for (Map.Entry<String, List<Double>> s : checked.entrySet()) {
            List<Double> values = Checks.list(s.getValue(), OWNER, "series." + s.getKey());
            for (int i = 0; i < values.size(); i++) {
                Checks.finite(values.get(i), OWNER + "[" + pointId + "]", "series." + s.getKey() + "[" + i + "]");
            }
            copy.put(s.getKey(), values);
        }
        return Collections.unmodifiableMap(copy);
    }
}

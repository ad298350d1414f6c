package org.pocketsim.engine.point;

import java.util.List;
import java.util.Map;

/**
 * What one point measured, whatever its kind.
 *
 * @param metrics metric name to value (see {@link org.pocketsim.engine.result.Metrics})
 * @param series  per-layer series, name to values
 */
public record PointOutcome(Map<String, Double> metrics, Map<String, List<Double>> series) {
}

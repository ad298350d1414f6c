package org.pocketsim.engine.decode;

import org.pocketsim.workload.trace.TraceInfo;

import java.util.List;
import java.util.Map;

/**
 * What one decode run measured.
 *
 * @param metrics metric name to value, in report order
 * @param series  per-layer series (e.g. hitRateByLayer)
 * @param trace   the trace that drove the run, or null when none did
 */
public record DecodeOutcome(Map<String, Double> metrics, Map<String, List<Double>> series, TraceInfo trace) {
}

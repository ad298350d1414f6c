package org.pocketsim.report.chart;

import org.pocketsim.engine.result.ChartSpec;
import org.pocketsim.engine.result.PointResult;
import org.pocketsim.report.data.NumberText;

import java.util.Map;
import java.util.stream.Collectors;

/**
 * Resolves the names a chart spec uses against one point: a metric if the point has one of
 * that name, otherwise a swept parameter. Errors name the chart, the point and what it has.
 */
final class PointValues {

    private PointValues() {
    }

    /** Numeric value of metric or parameter {@code name}. */
    static double number(ChartSpec spec, PointResult p, String name) {
        if (p.hasMetric(name)) return p.metric(name);
        String text = p.parameters().get(name);
        if (text == null) {
            throw new IllegalArgumentException("chart '" + spec.title() + "': point " + p.index() + " has no metric or "
                    + "parameter '" + name + "' (metrics " + p.metrics().keySet() + ", parameters "
                    + p.parameters().keySet() + ")");
        }
        try {
            return Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("chart '" + spec.title() + "': parameter '" + name + "' of point "
                    + p.index() + " is '" + text + "', not a number", e);
        }
    }

    /** As {@link #number}, for a value on an axis: a log axis needs it positive. */
    static double onAxis(ChartSpec spec, PointResult p, String name, boolean logAxis) {
        double v = number(spec, p, name);
        if (logAxis && !(v > 0)) {
            throw new IllegalArgumentException("chart '" + spec.title() + "': '" + name + "' of point " + p.index()
                    + " is " + v + ", which a logarithmic axis cannot show");
        }
        return v;
    }

    /** Category label of a point: the value of {@code name}, or all its parameters when null. */
    static String label(ChartSpec spec, PointResult p, String name) {
        if (name == null) {
            if (p.parameters().isEmpty()) return "#" + p.index();
            return p.parameters().entrySet().stream().map(PointValues::pair).collect(Collectors.joining(", "));
        }
        String param = p.parameters().get(name);
        if (param != null) return param;
        return NumberText.display(number(spec, p, name));
    }

    /** Series key of a point: the value of the spec's seriesBy parameter, or null when none. */
    static String seriesValue(ChartSpec spec, PointResult p) {
        if (spec.seriesBy() == null) return null;
        String v = p.parameters().get(spec.seriesBy());
        if (v == null) {
            throw new IllegalArgumentException("chart '" + spec.title() + "': point " + p.index()
                    + " has no parameter '" + spec.seriesBy() + "' (seriesBy); it has " + p.parameters().keySet());
        }
        return v;
    }

    private static String pair(Map.Entry<String, String> e) {
        return e.getKey() + "=" + e.getValue();
    }
}

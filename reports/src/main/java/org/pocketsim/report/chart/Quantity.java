package org.pocketsim.report.chart;

import org.pocketsim.engine.result.ChartSpec;
import org.pocketsim.engine.result.MetricCatalogue;
import org.pocketsim.engine.result.ParameterNames;
import org.pocketsim.engine.result.PointResult;
import org.pocketsim.engine.result.SweptQuantity;
import org.pocketsim.report.data.DisplayUnit;
import org.pocketsim.report.data.ParamLookup;

import java.util.List;
import java.util.Optional;

/**
 * What a chart axis shows: a catalogued metric of the points, or a swept parameter whose values
 * are numbers, sizes, bandwidths or frequencies, in a display unit chosen from the drawn values
 * ("DRAM footprint (GB)", "DRAM budget (GB)"). Errors name the chart and the point.
 */
final class Quantity {

    private final ChartSpec spec;
    private final String name;
    private final String label;
    private final SweptQuantity parameter;
    private final DisplayUnit unit;

    private Quantity(ChartSpec spec, String name, String label, SweptQuantity parameter, DisplayUnit unit) {
        this.spec = spec;
        this.name = name;
        this.label = label;
        this.parameter = parameter;
        this.unit = unit;
    }

    /** The quantity {@code name} over {@code points}: a metric if any point has one of that name, else a parameter. */
    static Quantity of(ChartSpec spec, String name, List<PointResult> points) {
        boolean metric = points.stream().anyMatch(p -> p.hasMetric(name));
        if (metric) {
            Optional<MetricCatalogue.Metric> m = MetricCatalogue.find(name);
            String stored = m.map(MetricCatalogue.Metric::unit).orElse("");
            double max = 0;
            for (PointResult p : points) {
                if (!p.hasMetric(name)) throw missing(spec, p, name);
                max = Math.max(max, Math.abs(p.metric(name)));
            }
            return new Quantity(spec, name, m.map(MetricCatalogue.Metric::label).orElse(name), null,
                    DisplayUnit.pick(stored, max));
        }
        List<String> texts = points.stream().map(p -> {
            String v = ParamLookup.get(p, name);
            if (v == null) throw missing(spec, p, name);
            return v;
        }).toList();
        SweptQuantity q = SweptQuantity.of(texts).orElseThrow(() -> new IllegalArgumentException("chart '"
                + spec.title() + "': parameter '" + name + "' takes values such as '" + texts.get(0)
                + "', which are not numbers, sizes, bandwidths or frequencies"));
        double max = texts.stream().mapToDouble(t -> Math.abs(q.value(t))).max().orElse(0);
        boolean binary = q == SweptQuantity.SIZE && texts.stream().allMatch(t -> t.contains("iB"));
        DisplayUnit unit = binary ? DisplayUnit.pickBinaryBytes(max) : DisplayUnit.pick(q.baseUnit(), max);
        String label = q == SweptQuantity.NUMBER ? ParameterNames.axisTitle(name) : ParameterNames.label(name);
        return new Quantity(spec, name, label, q, unit);
    }

    private static IllegalArgumentException missing(ChartSpec spec, PointResult p, String name) {
        return new IllegalArgumentException("chart '" + spec.title() + "': point " + p.index() + " has no metric or "
                + "parameter '" + name + "' (metrics " + p.metrics().keySet() + ", parameters "
                + p.parameters().keySet() + ")");
    }

    /** Label of a metric or parameter name without unit: the catalogue's, or the parameter's. */
    static String labelOf(String name) {
        return MetricCatalogue.find(name).map(MetricCatalogue.Metric::label).orElse(ParameterNames.label(name));
    }

    /** The value of a point, in the display unit. */
    double value(PointResult p) {
        double stored = parameter == null ? p.metric(name) : parameter.value(ParamLookup.get(p, name));
        return unit.shown(stored);
    }

    /** The value on an axis: a logarithmic axis needs it positive. */
    double onAxis(PointResult p, boolean log) {
        double v = value(p);
        if (log && !(v > 0)) {
            throw new IllegalArgumentException("chart '" + spec.title() + "': '" + name + "' of point " + p.index()
                    + " is " + v + ", which a logarithmic axis cannot show");
        }
        return v;
    }

    String name() {
        return name;
    }

    String label() {
        return label;
    }

    DisplayUnit unit() {
        return unit;
    }

    /** "Decode speed (tok/s)". */
    String title() {
        return unit.title(label);
    }
}

package org.pocketsim.report.chart;

import org.pocketsim.engine.result.ChartSpec;
import org.pocketsim.engine.result.MetricCatalogue;
import org.pocketsim.engine.result.ParameterNames;
import org.pocketsim.engine.result.PointResult;
import org.pocketsim.report.data.DisplayUnit;
import org.pocketsim.report.data.ParamLookup;

/**
 * The category label of a point by a name a chart spec uses: the swept parameter's value as
 * shown ("LRU", "2 GB"), or the metric's value with its unit. Errors name the chart and point.
 */
final class PointValues {

    private PointValues() {
    }

    static String label(ChartSpec spec, PointResult p, String name) {
        String param = ParamLookup.get(p, name);
        if (param != null) return ParameterNames.value(name, param);
        if (p.hasMetric(name)) {
            String unit = MetricCatalogue.find(name).map(MetricCatalogue.Metric::unit).orElse("");
            double v = p.metric(name);
            return DisplayUnit.pick(unit, Math.abs(v)).withUnit(v);
        }
        throw new IllegalArgumentException("chart '" + spec.title() + "': point " + p.index() + " has no metric or "
                + "parameter '" + name + "' (metrics " + p.metrics().keySet() + ", parameters "
                + p.parameters().keySet() + ")");
    }
}

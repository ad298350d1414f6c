package org.pocketsim.engine.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import org.pocketsim.engine.point.PointSpec;
import org.pocketsim.engine.result.MetricCatalogue;
import org.pocketsim.engine.result.ReportChecks;
import org.pocketsim.engine.sweep.SweepPoint;
import org.pocketsim.hw.config.ConfigErrors;
import org.pocketsim.hw.config.ConfigSource;
import org.pocketsim.hw.config.Suggest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Checks across the points of an experiment, made once every point is bound. */
final class ExperimentChecks {

    private ExperimentChecks() {
    }

    /**
     * Labels name runs: two rows of a zipped {@code run} list (or two values of a swept
     * {@code run.label}) may not share one, and every reference names the label of some point.
     */
    static void labels(ExperimentSpec spec, List<SweepPoint> points, List<PointSpec> specs, List<ConfigSource> origins) {
        uniqueLabels(spec.sweep().zip().get("run"), "sweep.zip.run", true, origins);
        uniqueLabels(spec.sweep().axes().get("run"), "sweep.axes.run", true, origins);
        uniqueLabels(spec.sweep().axes().get("run.label"), "sweep.axes.run.label", false, origins);
        uniqueLabels(spec.sweep().zip().get("run.label"), "sweep.zip.run.label", false, origins);
        Set<String> labels = new LinkedHashSet<>();
        for (PointSpec s : specs) labels.add(s.label());
        for (int i = 0; i < spec.references().size(); i++) {
            String label = spec.references().get(i).label();
            if (!labels.contains(label)) {
                throw ConfigErrors.at(origins, "references[" + i + "].label", "no run has label '" + label + "'"
                        + Suggest.nearest(label, labels).map(s -> "; did you mean '" + s + "'?").orElse(""));
            }
        }
        for (int i = 0; i < spec.headlines().size(); i++) {
            org.pocketsim.engine.analysis.HeadlineSpec h = spec.headlines().get(i);
            List<String> named = new java.util.ArrayList<>(h.candidates());
            named.add(0, h.baseline());
            for (int j = 0; j < named.size(); j++) {
                if (labels.contains(named.get(j))) continue;
                String path = "headlines[" + i + "]." + (j == 0 ? "baseline" : "candidates[" + (j - 1) + "]");
                throw ConfigErrors.at(origins, path, "no run has label '" + named.get(j) + "'"
                        + Suggest.nearest(named.get(j), labels).map(s -> "; did you mean '" + s + "'?").orElse(""));
            }
        }
    }

    private static void uniqueLabels(List<JsonNode> rows, String path, boolean rowsAreRuns, List<ConfigSource> origins) {
        if (rows == null) return;
        Map<String, Integer> first = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            JsonNode label = rowsAreRuns ? rows.get(i).get("label") : rows.get(i);
            if (label == null || !label.isTextual() || label.asText().isEmpty()) continue;
            Integer earlier = first.putIfAbsent(label.asText(), i);
            if (earlier != null) {
                throw ConfigErrors.at(origins, path + "[" + i + "]" + (rowsAreRuns ? ".label" : ""), "label '" + label.asText()
                        + "' is also the label of " + path + "[" + earlier + "]; labels name runs and must be unique");
            }
        }
    }

    /**
     * Charts and the summary name metrics of the catalogue and swept axes with their values
     * ({@link ReportChecks}); each reference compares a metric of the catalogue.
     */
    static void report(ExperimentSpec spec, List<SweepPoint> points, List<ConfigSource> origins) {
        Map<String, List<String>> axisValues = new LinkedHashMap<>();
        for (SweepPoint p : points) {
            p.parameters().forEach((axis, value) -> {
                List<String> values = axisValues.computeIfAbsent(axis, a -> new ArrayList<>());
                if (!values.contains(value)) values.add(value);
            });
        }
        ReportChecks.check(spec.report(), axisValues, (path, problem) -> ConfigErrors.at(origins, path, problem));
        for (int i = 0; i < spec.references().size(); i++) {
            String metric = spec.references().get(i).metric();
            if (MetricCatalogue.find(metric).isEmpty()) {
                List<String> names = MetricCatalogue.all().stream().map(MetricCatalogue.Metric::name).toList();
                throw ConfigErrors.at(origins, "references[" + i + "].metric", "unknown metric '" + metric + "'"
                        + Suggest.nearest(metric, names).map(s -> "; did you mean '" + s + "'?").orElse(""));
            }
        }
    }
}

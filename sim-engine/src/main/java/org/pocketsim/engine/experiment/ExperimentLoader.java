package org.pocketsim.engine.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.pocketsim.engine.PocketSimVersion;
import org.pocketsim.engine.sweep.CanonicalJson;
import org.pocketsim.engine.sweep.SweepExpander;
import org.pocketsim.engine.sweep.SweepPoint;
import org.pocketsim.hw.config.ConfigException;
import org.pocketsim.hw.config.ConfigSource;
import org.pocketsim.hw.config.YamlConfig;
import org.pocketsim.hw.spec.SocSpec;
import org.pocketsim.workload.model.ModelCatalog;
import org.pocketsim.workload.model.ModelSpec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads an experiment YAML, applies {@code --set path=value} overrides, binds it strictly, expands
 * the sweep and validates every point (its run, SoC and model) before anything runs, so that
 * {@code pocketsim validate} and {@code pocketsim run} report the same one-line errors naming
 * file, line, column and field.
 */
public final class ExperimentLoader {

    private ExperimentLoader() {
    }

    public static LoadedExperiment load(Path file, List<String> overrides) {
        ConfigSource source = ConfigSource.ofFile(file);
        org.pocketsim.hw.config.SetOverrides.Overridden overridden = org.pocketsim.hw.config.SetOverrides.applyTo(source, YamlConfig.readTree(source), overrides);
        ObjectNode tree = asObject(overridden.tree(), source.name());
        StringBuilder configText = new StringBuilder(source.text());
        for (String override : overrides) {
            configText.append(configText.charAt(configText.length() - 1) == '\n' ? "" : "\n").append("# --set ").append(override).append('\n');
        }
        ExperimentSpec spec = YamlConfig.bind(tree, ExperimentSpec.class, overridden.origins());
        List<SweepPoint> points = SweepExpander.expand(spec.run(), spec.sweep(), spec.seed(), PocketSimVersion.VERSION);
        Path baseDir = file.toAbsolutePath().getParent();
        Map<String, SocSpec> socs = new HashMap<>();
        Map<String, ModelSpec> models = new HashMap<>();
        List<LoadedExperiment.ResolvedRun> runs = new ArrayList<>(points.size());
        for (SweepPoint point : points) {
            runs.add(resolve(point, points.size(), source, overridden.origins(), baseDir, spec.seed(), socs, models));
        }
        checkReferences(spec, runs, source.name());
        checkChartAxes(spec, points, source.name());
        String hash = CanonicalJson.sha256(tree, "|version=" + PocketSimVersion.VERSION);
        return new LoadedExperiment(spec, file, configText.toString(), hash, points, runs);
    }

    private static LoadedExperiment.ResolvedRun resolve(SweepPoint point, int total, ConfigSource source, List<ConfigSource> origins, Path baseDir, long seed,
                                                        Map<String, SocSpec> socs, Map<String, ModelSpec> models) {
        ObjectNode holder = YamlConfig.mapper().createObjectNode();
        holder.set("run", point.run());
        try {
            RunSpec run = YamlConfig.bind(holder, RunHolder.class, origins).run();
            SocSpec soc = socs.computeIfAbsent(run.soc().toString(),
                    k -> SocResolver.resolve(run.soc(), origins, "run.soc"));
            ModelSpec model = models.computeIfAbsent(run.model(), ExperimentLoader::model);
            new org.pocketsim.engine.decode.DecodeRun(soc, model, run, baseDir, point.seed(), seed); // validates formats, placement, trace paths
            return new LoadedExperiment.ResolvedRun(run, soc, model);
        } catch (ConfigException e) {
            throw total == 1 ? e : new ConfigException(e.source(), e.line(), e.column(), e.fieldPath(),
                    e.problem() + " (sweep point " + point.index() + ": " + point.label() + ")");
        } catch (org.pocketsim.hw.config.FieldException e) {
            throw new ConfigException(source.name(), 0, 0, "run." + e.field(), e.problem() + where(point, total));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(source.name(), 0, 0, "run", e.getMessage() + where(point, total));
        }
    }

    private static String where(SweepPoint point, int total) {
        return total == 1 ? "" : " (sweep point " + point.index() + ": " + point.label() + ")";
    }

    private static ModelSpec model(String idOrPath) {
        return ModelCatalog.resolve(idOrPath);
    }

    private static void checkReferences(ExperimentSpec spec, List<LoadedExperiment.ResolvedRun> runs, String sourceName) {
        Set<String> labels = new HashSet<>();
        for (LoadedExperiment.ResolvedRun r : runs) labels.add(r.run().label());
        for (int i = 0; i < spec.references().size(); i++) {
            ReferenceSpec ref = spec.references().get(i);
            if (!labels.contains(ref.label())) {
                throw new ConfigException(sourceName, 0, 0, "references[" + i + "].label",
                        "no run has label '" + ref.label() + "'" + org.pocketsim.hw.config.Suggest.nearest(ref.label(), labels)
                                .map(s -> "; did you mean '" + s + "'?").orElse(""));
            }
        }
    }

    /** Line, scatter and Pareto charts plot numbers: an x that is a swept field must take numeric values. */
    private static void checkChartAxes(ExperimentSpec spec, List<SweepPoint> points, String sourceName) {
        List<org.pocketsim.engine.result.ChartSpec> charts = spec.report().charts();
        for (int i = 0; i < charts.size(); i++) {
            org.pocketsim.engine.result.ChartSpec chart = charts.get(i);
            boolean numeric = switch (chart.type()) {
                case LINE, SCATTER, PARETO -> true;
                default -> false;
            };
            if (!numeric || chart.x() == null) continue;
            for (SweepPoint p : points) {
                String value = p.parameters().get(chart.x());
                if (value == null) continue;
                try {
                    Double.parseDouble(value);
                } catch (NumberFormatException e) {
                    throw new ConfigException(sourceName, 0, 0, "report.charts[" + i + "].x", "'" + chart.x()
                            + "' is swept over '" + value + "', and '" + value + "' is not a number; a "
                            + chart.type().yamlName() + " chart needs a numeric x (use stacked-bar for categories)");
                }
            }
        }
    }

    private static ObjectNode asObject(JsonNode tree, String name) {
        if (tree instanceof ObjectNode o) return o;
        throw new ConfigException(name, 1, 1, "", "an experiment must be a YAML mapping with schemaVersion, id, title, run ...");
    }
}

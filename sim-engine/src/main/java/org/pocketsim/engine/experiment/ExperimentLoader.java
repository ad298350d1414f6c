package org.pocketsim.engine.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.pocketsim.engine.PocketSimVersion;
import org.pocketsim.engine.point.PointContext;
import org.pocketsim.engine.point.PointRunner;
import org.pocketsim.engine.point.PointSpec;
import org.pocketsim.engine.point.PreparedPoint;
import org.pocketsim.engine.quality.MeasuredQuality;
import org.pocketsim.engine.quality.QualityJoinedPoint;
import org.pocketsim.engine.quality.QualitySpec;
import org.pocketsim.engine.result.PointResult;
import org.pocketsim.engine.sweep.CanonicalJson;
import org.pocketsim.engine.sweep.SweepExpander;
import org.pocketsim.engine.sweep.SweepPoint;
import org.pocketsim.hw.config.ConfigErrors;
import org.pocketsim.hw.config.ConfigException;
import org.pocketsim.hw.config.ConfigSource;
import org.pocketsim.hw.config.FieldException;
import org.pocketsim.hw.config.SetOverrides;
import org.pocketsim.hw.config.Suggest;
import org.pocketsim.hw.config.YamlConfig;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads an experiment YAML, applies {@code --set path=value} overrides, binds it strictly,
 * expands the sweep, binds each point's run section to its kind's spec and prepares it (every
 * check a run would make: formats, placement, cache sizes, traces), then checks references and
 * charts, all before anything runs, so that {@code pocketsim validate} and {@code pocketsim run}
 * report the same one-line errors naming file, line, column and field.
 */
public final class ExperimentLoader {

    private ExperimentLoader() {
    }

    public static LoadedExperiment load(Path file, List<String> overrides) {
        ConfigSource source = ConfigSource.ofFile(file);
        SetOverrides.Overridden overridden = SetOverrides.applyTo(source, YamlConfig.readTree(source), overrides);
        JsonNode tree = overridden.tree();
        List<ConfigSource> origins = overridden.origins();
        StringBuilder configText = new StringBuilder(source.text());
        for (String override : overrides) {
            configText.append(configText.charAt(configText.length() - 1) == '\n' ? "" : "\n").append("# --set ").append(override).append('\n');
        }
        ExperimentSpec spec = YamlConfig.bind(tree, ExperimentSpec.class, origins);
        List<SweepPoint> expanded = expand(spec, origins);
        PointContext.Shared shared = new PointContext.Shared(file.toAbsolutePath().getParent(), origins, spec.seed());
        List<SweepPoint> points = new ArrayList<>(expanded.size());
        List<PointSpec> specs = new ArrayList<>(expanded.size());
        List<PreparedPoint> prepared = new ArrayList<>(expanded.size());
        // Every point is bound before any is prepared: binding is cheap, preparing is not (a
        // synthetic trace, placement), so a bad value at point 900 is reported at once.
        List<Binding<?>> bindings = new ArrayList<>(expanded.size());
        List<PointContext> contexts = new ArrayList<>(expanded.size());
        List<QualitySpec> qualities = new ArrayList<>(expanded.size());
        for (SweepPoint point : expanded) {
            PointContext context = new PointContext(shared, point, expanded.size());
            ObjectNode run = point.run().deepCopy();
            JsonNode kind = run.remove("kind");
            JsonNode quality = run.remove("quality");
            bindings.add(bind(runnerOf(kind, context), run, context, origins));
            qualities.add(bindQuality(quality, context, origins));
            contexts.add(context);
        }
        for (int i = 0; i < expanded.size(); i++) {
            Binding<?> binding = bindings.get(i);
            PreparedPoint point = withQuality(binding.prepare(contexts.get(i)), qualities.get(i), expanded.get(i), contexts.get(i));
            specs.add(binding.spec());
            prepared.add(point);
            points.add(expanded.get(i).withHash(key(expanded.get(i), point)));
        }
        ExperimentChecks.labels(spec, points, specs, origins);
        ExperimentChecks.report(spec, points, origins);
        String hash = CanonicalJson.sha256(tree, "|version=" + PocketSimVersion.VERSION);
        RemoteExperiment remote = new RemoteExperiment(source.name(), file.toAbsolutePath().getParent().toString(), source.text(),
                overrides, hash, points.size());
        return new LoadedExperiment(spec, file, configText.toString(), hash, points, specs, prepared, remote);
    }

    /**
     * The experiment as another JVM rebuilds it from the shipped text: its spec's seed and the
     * resolutions its points share, with relative paths starting at {@code baseDir}.
     */
    static Rebuilt rebuild(ConfigSource source, List<String> overrides, Path baseDir) {
        SetOverrides.Overridden overridden = SetOverrides.applyTo(source, YamlConfig.readTree(source), overrides);
        ExperimentSpec spec = YamlConfig.bind(overridden.tree(), ExperimentSpec.class, overridden.origins());
        String hash = CanonicalJson.sha256(overridden.tree(), "|version=" + PocketSimVersion.VERSION);
        return new Rebuilt(new PointContext.Shared(baseDir, overridden.origins(), spec.seed()), overridden.origins(), hash);
    }

    /** An experiment rebuilt in another JVM: what its points share, its documents, its config hash. */
    record Rebuilt(PointContext.Shared shared, List<ConfigSource> origins, String configHash) {
    }

    /**
     * Binds and prepares one point of an experiment rebuilt elsewhere (see {@link #rebuild}), as
     * {@link #load} does: the run section less its kind and its quality node, then the measured
     * numbers that node joins.
     */
    static PreparedPoint prepare(SweepPoint point, PointContext context, List<ConfigSource> origins) {
        ObjectNode run = point.run().deepCopy();
        JsonNode kind = run.remove("kind");
        JsonNode quality = run.remove("quality");
        PreparedPoint prepared = bind(runnerOf(kind, context), run, context, origins).prepare(context);
        return withQuality(prepared, bindQuality(quality, context, origins), point, context);
    }

    private static List<SweepPoint> expand(ExperimentSpec spec, List<ConfigSource> origins) {
        try {
            return SweepExpander.expand(spec.run(), spec.sweep(), spec.seed());
        } catch (FieldException e) {
            throw ConfigErrors.at(origins, e.field(), e.problem());
        } catch (IllegalArgumentException e) {
            throw ConfigErrors.at(origins, "sweep", e.getMessage());
        }
    }

    /** A point's runner and its run section bound to the runner's spec, not yet prepared. */
    private record Binding<S extends PointSpec>(PointRunner<S> runner, S spec) {
        PreparedPoint prepare(PointContext context) {
            return runner.prepare(spec, context);
        }
    }

    /** The runner of a run section's {@code kind} (default decode). */
    private static PointRunner<?> runnerOf(JsonNode kindNode, PointContext context) {
        String kind = kindNode == null ? PointKinds.DEFAULT : kindNode.asText();
        PointRunner<?> runner = PointKinds.runner(kind);
        if (runner == null || (kindNode != null && !kindNode.isTextual())) {
            throw context.locate("run.kind", "unknown kind '" + kind + "' (kinds: " + String.join(", ", PointKinds.names()) + ")"
                    + Suggest.nearest(kind, PointKinds.names()).map(s -> "; did you mean '" + s + "'?").orElse(""));
        }
        return runner;
    }

    /** Binds a point's run section (less its kind) to the runner's spec. */
    private static <S extends PointSpec> Binding<S> bind(PointRunner<S> runner, ObjectNode tree, PointContext context,
                                                         List<ConfigSource> origins) {
        try {
            return new Binding<>(runner, YamlConfig.bindAt(tree, runner.specType(), origins, "run"));
        } catch (ConfigException e) {
            throw e.source().equals(origins.get(origins.size() - 1).name()) ? context.locate(e.fieldPath(), e.problem()) : e;
        }
    }

    /** A run's {@code quality:} node, bound on its own: every point kind may have one (null without one). */
    private static QualitySpec bindQuality(JsonNode tree, PointContext context, List<ConfigSource> origins) {
        if (tree == null) return null;
        try {
            return YamlConfig.bindAt(tree, QualitySpec.class, origins, "run.quality");
        } catch (ConfigException e) {
            throw e.source().equals(origins.get(origins.size() - 1).name()) ? context.locate(e.fieldPath(), e.problem()) : e;
        }
    }

    /** The prepared point carrying the measured numbers its quality node selects (unchanged without one). */
    private static PreparedPoint withQuality(PreparedPoint point, QualitySpec quality, SweepPoint swept, PointContext context) {
        if (quality == null) return point;
        try {
            if (!MeasuredQuality.applies(quality, swept.run())) return point;
            return new QualityJoinedPoint(point, MeasuredQuality.join(quality, swept.run(), context.baseDir()));
        } catch (FieldException e) {
            throw context.error(e.field(), e.problem());
        }
    }

    /**
     * The key of a point's stored result: SHA-256 of its canonical run tree and resolved inputs
     * (SoC and model numbers, trace digests), its seed, the result schema and PocketSim version.
     */
    static String key(SweepPoint point, PreparedPoint prepared) {
        ObjectNode keyed = YamlConfig.mapper().createObjectNode();
        keyed.set("run", point.run());
        keyed.set("inputs", prepared.inputs());
        return CanonicalJson.sha256(keyed, "|seed=" + point.seed() + "|schema=" + PointResult.SCHEMA_VERSION
                + "|version=" + PocketSimVersion.VERSION);
    }
}

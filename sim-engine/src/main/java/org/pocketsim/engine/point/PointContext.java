package org.pocketsim.engine.point;

import com.fasterxml.jackson.databind.JsonNode;
import org.pocketsim.engine.decode.Traces;
import org.pocketsim.engine.sweep.SweepPoint;
import org.pocketsim.hw.config.ConfigErrors;
import org.pocketsim.hw.config.ConfigException;
import org.pocketsim.hw.config.YamlConfig;
import org.pocketsim.hw.config.ConfigSource;
import org.pocketsim.hw.config.FieldException;
import org.pocketsim.hw.spec.SocSpec;
import org.pocketsim.workload.model.ModelCatalog;
import org.pocketsim.workload.model.ModelSpec;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a point runner is prepared with: the point (its tree, seed and where each swept value was
 * written), the experiment's documents for locating errors, and the resolutions shared by all
 * points of the experiment (SoC profiles, models, checked traces), each made once.
 */
public final class PointContext {

    /** Resolutions shared by the points of one experiment; thread-safe. */
    public static final class Shared {
        private final Path baseDir;
        private final List<ConfigSource> origins;
        private final long experimentSeed;
        private final Traces traces;
        private final Map<String, SocSpec> socs = new ConcurrentHashMap<>();
        private final Map<String, ModelSpec> models = new ConcurrentHashMap<>();
        /** JSON trees of the resolved SoCs and models, by the instance {@link #soc} and {@link #model} hand out. */
        private final Map<Object, JsonNode> trees = java.util.Collections.synchronizedMap(new java.util.IdentityHashMap<>());

        /**
         * @param baseDir folder that relative paths start from (the experiment file's)
         * @param origins the experiment's documents (--set arguments, then the file), for error locations
         */
        public Shared(Path baseDir, List<ConfigSource> origins, long experimentSeed) {
            this.baseDir = baseDir;
            this.origins = List.copyOf(origins);
            this.experimentSeed = experimentSeed;
            this.traces = new Traces(baseDir, experimentSeed);
        }
    }

    private final Shared shared;
    private final SweepPoint point;
    private final int points;

    public PointContext(Shared shared, SweepPoint point, int points) {
        this.shared = shared;
        this.point = point;
        this.points = points;
    }

    public SweepPoint point() {
        return point;
    }

    public long experimentSeed() {
        return shared.experimentSeed;
    }

    public Path baseDir() {
        return shared.baseDir;
    }

    public Traces traces() {
        return shared.traces;
    }

    /** The SoC profile {@code soc} names (preset id, profile file or inline tree at run.soc); made once per value. */
    public SocSpec soc(JsonNode soc) {
        return shared.socs.computeIfAbsent(soc.toString(), k -> SocResolver.resolve(soc, shared.baseDir, shared.origins, "run.soc"));
    }

    /** The model {@code idOrPath} names; made once per value. */
    public ModelSpec model(String idOrPath) {
        return shared.models.computeIfAbsent(idOrPath, k -> {
            try {
                boolean file = idOrPath.endsWith(".yaml") || idOrPath.endsWith(".yml");
                return ModelCatalog.resolve(file ? shared.baseDir.resolve(idOrPath).toString() : idOrPath);
            } catch (ConfigException e) {
                throw e;
            } catch (IllegalArgumentException e) {
                throw new FieldException("model", e.getMessage());
            }
        });
    }

    /**
     * {@code resolved} (a SoC or model this context handed out) as a JSON tree, for a point's key
     * and provenance: converted once per instance (thousands of points share a few), a copy each call.
     */
    public JsonNode tree(Object resolved) {
        return shared.trees.computeIfAbsent(resolved, v -> YamlConfig.mapper().valueToTree(v)).deepCopy();
    }

    /** The error {@code problem} at {@code field} of the run section (e.g. {@code mlp.cachedExperts}). */
    public ConfigException error(String field, String problem) {
        return locate("run" + (field.isEmpty() ? "" : "." + field), problem);
    }

    /**
     * Relocates an error at {@code fieldPath} (from the file root): a field whose value came from
     * a sweep axis or zipped row is located at that value in {@code sweep:}; an unknown key an
     * axis names is located at the axis itself. Adds which sweep point failed.
     */
    public ConfigException locate(String fieldPath, String problem) {
        String where = points > 1 ? " (sweep point " + point.index() + ": " + point.label() + ")" : "";
        for (Map.Entry<String, String> e : point.valuePaths().entrySet()) {
            String axis = e.getKey();
            boolean covers = fieldPath.equals(axis) || fieldPath.startsWith(axis + ".") || axis.startsWith(fieldPath + ".");
            if (!covers) continue;
            if (problem.startsWith("unknown key") && fieldPath.equals(axis)) {
                String axisKey = e.getValue().substring(0, e.getValue().lastIndexOf('['));
                return ConfigErrors.at(shared.origins, axisKey, problem + where);
            }
            String rest = fieldPath.length() > axis.length() ? fieldPath.substring(axis.length()) : "";
            return ConfigErrors.at(shared.origins, e.getValue() + rest, fieldPath, problem + where);
        }
        return ConfigErrors.at(shared.origins, fieldPath, fieldPath, problem + where);
    }
}

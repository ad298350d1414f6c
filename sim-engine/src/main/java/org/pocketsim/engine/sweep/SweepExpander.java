package org.pocketsim.engine.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.pocketsim.hw.config.FieldException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Expands a base run tree and a {@link SweepSpec} into points: the cartesian product of the
 * axes (first axis slowest), times the zipped group (as the last, fastest axis). Sweep paths
 * start at the file root, as {@code --set} paths do: {@code run.mlp.keep} varies a field of the
 * run section and {@code run} itself merges whole rows into it.
 *
 * <p>Each point's seed is derived from the experiment seed and the point's parameters, not
 * its index, so adding an axis value leaves the seeds (and results) of other points intact.
 */
public final class SweepExpander {

    /** The sweep path that names the whole run section. */
    public static final String WHOLE_RUN = "run";

    private SweepExpander() {
    }

    /** Expands {@code base} (the run section) over {@code sweep}; points carry no hash yet. */
    public static List<SweepPoint> expand(ObjectNode base, SweepSpec sweep, long experimentSeed) {
        for (String path : sweep.axes().keySet()) checkRoot("sweep.axes", path);
        for (String path : sweep.zip().keySet()) checkRoot("sweep.zip", path);
        List<String> axisPaths = new ArrayList<>(sweep.axes().keySet());
        List<List<JsonNode>> axisValues = new ArrayList<>(sweep.axes().values());
        int zipLength = sweep.zip().isEmpty() ? 1 : sweep.zip().values().iterator().next().size();
        int total = sweep.size();
        List<SweepPoint> points = new ArrayList<>(total);
        int[] digit = new int[axisPaths.size()];
        for (int index = 0; index < total; index++) {
            int rest = index / zipLength;
            for (int a = axisPaths.size() - 1; a >= 0; a--) {
                digit[a] = rest % axisValues.get(a).size();
                rest /= axisValues.get(a).size();
            }
            ObjectNode run = base.deepCopy();
            Map<String, String> parameters = new LinkedHashMap<>();
            Map<String, String> valuePaths = new LinkedHashMap<>();
            for (int a = 0; a < axisPaths.size(); a++) {
                JsonNode value = axisValues.get(a).get(digit[a]);
                apply(run, axisPaths.get(a), value);
                parameters.put(axisPaths.get(a), text(value));
                valuePaths.put(axisPaths.get(a), "sweep.axes." + axisPaths.get(a) + "[" + digit[a] + "]");
            }
            int z = index % zipLength;
            for (Map.Entry<String, List<JsonNode>> e : sweep.zip().entrySet()) {
                JsonNode value = e.getValue().get(z);
                apply(run, e.getKey(), value);
                parameters.put(e.getKey(), text(value));
                valuePaths.put(e.getKey(), "sweep.zip." + e.getKey() + "[" + z + "]");
            }
            long seed = pointSeed(experimentSeed, parameters);
            points.add(new SweepPoint(index, parameters, run, seed, null, valuePaths));
        }
        return points;
    }

    /** Sweeps vary the run section: a path is {@code run} or starts with {@code run.}. */
    private static void checkRoot(String section, String path) {
        if (!path.equals(WHOLE_RUN) && !path.startsWith(WHOLE_RUN + ".")) {
            throw new FieldException(section + "." + path, "a sweep varies fields of the run section; paths start at the file root,"
                    + " as --set paths do: write 'run." + path + "'");
        }
    }

    /**
     * Sets one swept value: {@code run.<field>} sets a field of the run section, and the path
     * {@code run} itself names the whole section, into which a mapping of fields is merged (one
     * row of a heterogeneous study per value).
     */
    private static void apply(ObjectNode run, String path, JsonNode value) {
        if (path.equals(WHOLE_RUN)) {
            if (!value.isObject()) {
                throw new FieldException("sweep.zip.run", "takes mappings of run fields, got " + value);
            }
            value.fields().forEachRemaining(f -> TreePaths.set(run, f.getKey(), f.getValue().deepCopy()));
        } else {
            TreePaths.set(run, path.substring(WHOLE_RUN.length() + 1), value.deepCopy());
        }
    }

    /**
     * The seed of a point: a SplitMix64 mix of the experiment seed and the parameters' text, taken
     * in path order, so that the order in which the file writes its sweep keys changes no seed.
     */
    static long pointSeed(long experimentSeed, Map<String, String> parameters) {
        long h = experimentSeed;
        for (Map.Entry<String, String> e : new java.util.TreeMap<>(parameters).entrySet()) {
            h = mix(h ^ (e.getKey() + "=" + e.getValue()).hashCode());
        }
        return mix(h);
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /** A value as the point's parameter text: scalars as written, a mapping by its {@code label} when it has one. */
    private static String text(JsonNode value) {
        if (value.isValueNode()) return value.asText();
        if (value.isObject() && value.hasNonNull("label")) return value.get("label").asText();
        return value.toString();
    }
}

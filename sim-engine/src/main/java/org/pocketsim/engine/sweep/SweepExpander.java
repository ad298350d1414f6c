package org.pocketsim.engine.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Expands a base run tree and a {@link SweepSpec} into points: the cartesian product of the
 * axes (first axis slowest), times the zipped group (as the last, fastest axis).
 *
 * <p>Each point's seed is derived from the experiment seed and the point's parameters, not
 * its index, so adding an axis value leaves the seeds (and results) of other points intact.
 */
public final class SweepExpander {

    private SweepExpander() {
    }

    public static List<SweepPoint> expand(ObjectNode base, SweepSpec sweep, long experimentSeed, String version) {
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
            for (int a = 0; a < axisPaths.size(); a++) {
                JsonNode value = axisValues.get(a).get(digit[a]);
                TreePaths.set(run, axisPaths.get(a), value.deepCopy());
                parameters.put(axisPaths.get(a), text(value));
            }
            int z = index % zipLength;
            for (Map.Entry<String, List<JsonNode>> e : sweep.zip().entrySet()) {
                JsonNode value = e.getValue().get(z);
                TreePaths.set(run, e.getKey(), value.deepCopy());
                parameters.put(e.getKey(), text(value));
            }
            long seed = pointSeed(experimentSeed, parameters);
            String hash = CanonicalJson.sha256(run, "|seed=" + seed + "|version=" + version);
            points.add(new SweepPoint(index, parameters, run, seed, hash));
        }
        return points;
    }

    /** The seed of a point: a SplitMix64 mix of the experiment seed and the parameters' text. */
    static long pointSeed(long experimentSeed, Map<String, String> parameters) {
        long h = experimentSeed;
        for (Map.Entry<String, String> e : parameters.entrySet()) {
            h = mix(h ^ (e.getKey() + "=" + e.getValue()).hashCode());
        }
        return mix(h);
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    private static String text(JsonNode value) {
        return value.isValueNode() ? value.asText() : value.toString();
    }
}

package org.pocketsim.engine.quality;

import com.fasterxml.jackson.databind.JsonNode;
import org.pocketsim.engine.result.MetricCatalogue;
import org.pocketsim.hw.config.ConfigOptional;
import org.pocketsim.hw.config.FieldException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A run's {@code quality:} node: a measured quality number (perplexity measured on the GPU
 * machine, say) that a simulated point carries as a metric, read from one row of a shipped CSV.
 * The row is the one whose key columns equal the point's own run values and whose filter columns
 * hold one of the given values; no such row, or more than one, is a config error. Any point kind
 * may have one; points without it simply lack the metrics (charts leave them out and say so).
 *
 * <pre>
 * quality:
 *   file: ../data/traces/real/quality-moe-lambda-pocketsim-olmoe-py.csv
 *   metrics: {measuredPerplexity: ppl, measuredPerplexityDelta: delta_ppl}
 *   keys: {lambda: mlp.router.lambda, cache_experts: mlp.cachedExperts}
 *   filter: {model: pocketsim-olmoe-py, method: [topk-lru, cache-prior]}
 * </pre>
 *
 * @param file    CSV with a header row, relative to the experiment file
 * @param metrics catalogue metric to CSV column; each metric a measured one ({@code measured...})
 *                so it never shadows what the point simulates
 * @param keys    CSV column to the path of a field in the point's run section ({@code mlp.router.lambda});
 *                numbers compare as numbers ({@code 8} equals {@code 8.0})
 * @param filter  CSV column to one value or a list of accepted values
 * @param when    path of a run field to one value or a list: only points whose run holds one of
 *                them are joined (the others carry no measured numbers, e.g. the models the CSV
 *                did not measure in a sweep over models); empty: every point
 * @param sameAs  a run value to the CSV key value it is read as, stated in the point's note: for a
 *                variant measured under another name (a format that decodes to the same weights
 *                and differs only in packing); empty: keys compare as they are
 */
public record QualitySpec(String file, Map<String, String> metrics, @ConfigOptional Map<String, String> keys,
                          @ConfigOptional Map<String, JsonNode> filter, @ConfigOptional Map<String, JsonNode> when,
                          @ConfigOptional Map<String, String> sameAs) {

    public QualitySpec {
        if (file == null || file.isBlank()) throw new FieldException("file", "is required: a CSV file of measured numbers");
        if (metrics == null || metrics.isEmpty()) {
            throw new FieldException("metrics", "is required: metric to CSV column, e.g. {measuredPerplexity: ppl}");
        }
        for (String m : metrics.keySet()) {
            if (!m.startsWith("measured") || MetricCatalogue.find(m).isEmpty()) {
                List<String> measured = MetricCatalogue.all().stream().map(MetricCatalogue.Metric::name)
                        .filter(n -> n.startsWith("measured")).toList();
                throw new FieldException("metrics." + m, "is not a measured metric of the catalogue (measured metrics: "
                        + String.join(", ", measured) + ")");
            }
        }
        metrics = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
        keys = keys == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(keys));
        filter = values("filter", filter);
        when = values("when", when);
        sameAs = sameAs == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(sameAs));
    }

    /** The accepted values of each filter column, as text. */
    public Map<String, List<String>> filterValues() {
        return texts(filter);
    }

    /** The accepted values of each {@code when} run field, as text. */
    public Map<String, List<String>> whenValues() {
        return texts(when);
    }

    /** {@code node} checked to map names to a value or a non-empty list of values. */
    private static Map<String, JsonNode> values(String field, Map<String, JsonNode> node) {
        Map<String, JsonNode> checked = new LinkedHashMap<>();
        if (node != null) {
            for (Map.Entry<String, JsonNode> f : node.entrySet()) {
                JsonNode v = f.getValue();
                boolean scalars = v.isValueNode() || (v.isArray() && !v.isEmpty() && allValues(v));
                if (!scalars) throw new FieldException(field + "." + f.getKey(), "must be a value or a non-empty list of values");
                checked.put(f.getKey(), v);
            }
        }
        return java.util.Collections.unmodifiableMap(checked);
    }

    private static Map<String, List<String>> texts(Map<String, JsonNode> node) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        node.forEach((column, v) -> {
            List<String> values = new ArrayList<>();
            if (v.isArray()) v.forEach(e -> values.add(e.asText()));
            else values.add(v.asText());
            out.put(column, values);
        });
        return out;
    }

    private static boolean allValues(JsonNode array) {
        for (JsonNode e : array) if (!e.isValueNode()) return false;
        return true;
    }
}

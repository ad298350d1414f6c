package org.pocketsim.hw.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;

/** Deep merge of config trees, used for {@code extends:} and for command-line overrides. */
public final class TreeMerge {

    private TreeMerge() {
    }

    /**
     * Returns a new tree: {@code base} with {@code override} laid over it. Objects merge key by key
     * (recursively); scalars, lists and nulls in {@code override} replace what {@code base} had.
     * Neither argument is modified.
     */
    public static JsonNode merge(JsonNode base, JsonNode override) {
        if (base == null || !base.isObject() || override == null || !override.isObject()) {
            return override == null ? (base == null ? null : base.deepCopy()) : override.deepCopy();
        }
        ObjectNode merged = ((ObjectNode) base).deepCopy();
        Iterator<Map.Entry<String, JsonNode>> fields = override.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> entry = fields.next();
            merged.set(entry.getKey(), merge(merged.get(entry.getKey()), entry.getValue()));
        }
        return merged;
    }
}

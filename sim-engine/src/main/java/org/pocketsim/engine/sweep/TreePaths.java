package org.pocketsim.engine.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Reads and writes fields of a YAML/JSON tree by dotted path ({@code soc.dram.capacity}). */
public final class TreePaths {

    private TreePaths() {
    }

    /**
     * Sets the field at {@code path}, creating intermediate objects. A mapping set onto a mapping
     * is deep-merged into it (so a sweep can zip whole partial runs: {@code zip: {run: [{...}, ...]}});
     * a null value removes the field (leave it at its default). A path through a
     * non-object value is an error naming the path; whether the field exists in the schema is
     * checked later, when the tree is bound (unknown keys are errors there).
     */
    public static void set(ObjectNode root, String path, JsonNode value) {
        String[] parts = split(path);
        ObjectNode node = root;
        for (int i = 0; i < parts.length - 1; i++) {
            JsonNode child = node.get(parts[i]);
            if (child == null || child.isNull()) {
                node = node.putObject(parts[i]);
            } else if (child.isObject()) {
                node = (ObjectNode) child;
            } else if (child.isTextual()) {
                // A preset named by a string (soc: snapdragon-8-gen3) gains overrides: {extends: id, ...}.
                ObjectNode replaced = node.putObject(parts[i]);
                replaced.set("extends", child);
                node = replaced;
            } else {
                throw new IllegalArgumentException("sweep field '" + path + "': '" + String.join(".", java.util.Arrays.copyOf(parts, i + 1))
                        + "' is a " + child.getNodeType().name().toLowerCase() + ", not a section");
            }
        }
        String last = parts[parts.length - 1];
        JsonNode existing = node.get(last);
        if (value == null || value.isNull()) {
            node.remove(last);
        } else if (value.isObject() && existing != null && existing.isObject()) {
            node.set(last, org.pocketsim.hw.config.TreeMerge.merge(existing, value));
        } else {
            node.set(last, value);
        }
    }

    /** The value at {@code path}, or null when absent. */
    public static JsonNode get(JsonNode root, String path) {
        JsonNode node = root;
        for (String part : split(path)) {
            if (node == null || !node.isObject()) return null;
            node = node.get(part);
        }
        return node;
    }

    private static String[] split(String path) {
        String[] parts = path.split("\\.", -1);
        for (String p : parts) {
            if (p.isEmpty()) throw new IllegalArgumentException("sweep field path '" + path + "' has an empty segment");
        }
        return parts;
    }
}

package org.pocketsim.hw.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Command-line overrides such as {@code --set dram.capacity=16GiB} or {@code --set sweep.gamma=[0.1,0.2]}
 * applied to a config tree before binding. The value is read as a YAML flow value, so numbers,
 * lists and mappings keep their types; the path may index lists ({@code rows[1].size}).
 */
public final class SetOverrides {

    /** Source name used in error messages for overrides. */
    public static final String SOURCE = "--set";

    private SetOverrides() {
    }

    /** Returns a copy of {@code tree} with every {@code path=value} assignment applied in order. */
    public static JsonNode apply(JsonNode tree, List<String> assignments) {
        ObjectNode result = ((ObjectNode) tree).deepCopy();
        for (String assignment : assignments) {
            int eq = assignment.indexOf('=');
            if (eq <= 0) {
                throw new ConfigException(SOURCE, 0, 0, "", "'" + assignment + "' is not of the form path=value");
            }
            String path = assignment.substring(0, eq).strip();
            JsonNode value = parseValue(path, assignment.substring(eq + 1).strip());
            set(result, path, value);
        }
        return result;
    }

    private static JsonNode parseValue(String path, String text) {
        if (text.isEmpty()) {
            throw new ConfigException(SOURCE, 0, 0, path, "has no value");
        }
        try {
            return YamlConfig.readTree(new ConfigSource(SOURCE, "v: " + text)).get("v");
        } catch (ConfigException e) {
            throw new ConfigException(SOURCE, 0, 0, path, "cannot read value '" + text + "': " + e.problem());
        }
    }

    private static void set(ObjectNode root, String path, JsonNode value) {
        String[] parts = path.split("\\.|(?=\\[)");
        JsonNode node = root;
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            boolean last = i == parts.length - 1;
            if (part.startsWith("[")) {
                int index = parseIndex(path, part);
                if (!(node instanceof ArrayNode array) || index >= array.size()) {
                    throw new ConfigException(SOURCE, 0, 0, path, "no list element " + part + " at this path");
                }
                if (last) {
                    array.set(index, value);
                } else {
                    node = array.get(index);
                }
            } else {
                if (!(node instanceof ObjectNode object) || part.isEmpty()) {
                    throw new ConfigException(SOURCE, 0, 0, path, "cannot set '" + part + "' here (not a mapping)");
                }
                if (last) {
                    object.set(part, value);
                } else {
                    JsonNode child = object.get(part);
                    if (child == null) {
                        child = object.putObject(part);
                    }
                    node = child;
                }
            }
        }
    }

    private static int parseIndex(String path, String part) {
        try {
            return Integer.parseInt(part.substring(1, part.length() - 1));
        } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
            throw new ConfigException(SOURCE, 0, 0, path, "bad list index " + part);
        }
    }
}

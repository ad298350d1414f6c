package org.pocketsim.hw.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Command-line overrides such as {@code --set dram.capacity=16GiB} or {@code --set sweep.gamma=[0.1,0.2]}
 * applied to a config tree before binding. The value is read as a YAML flow value, so numbers,
 * lists and mappings keep their types; the path may index lists ({@code rows[1].size}).
 */
public final class SetOverrides {

    /** Prefix of the source name of each override in errors: {@code --set run.prompt=abc}. */
    public static final String SOURCE = "--set";

    private SetOverrides() {
    }

    /**
     * A config tree with overrides applied, and the origins to bind it with: one pseudo-source per
     * override, named as the user typed it ({@code --set path=value}) and covering its path, the
     * last applied first, then the file. Errors at or under an overridden path blame the override.
     */
    public record Overridden(JsonNode tree, List<ConfigSource> origins) {

        public Overridden {
            Require.notNull(tree, "tree");
            origins = List.copyOf(Require.notEmpty(origins, "origins"));
        }
    }

    /** Applies every {@code path=value} assignment, in order, to a copy of {@code tree} read from {@code file}. */
    public static Overridden applyTo(ConfigSource file, JsonNode tree, List<String> assignments) {
        ObjectNode result = ((ObjectNode) tree).deepCopy();
        List<ConfigSource> origins = new ArrayList<>();
        for (String assignment : assignments) {
            origins.add(0, ConfigSource.override(SOURCE + " " + assignment, applyOne(result, assignment)));
        }
        origins.add(file);
        return new Overridden(result, origins);
    }

    /** Returns a copy of {@code tree} with every {@code path=value} assignment applied in order. */
    public static JsonNode apply(JsonNode tree, List<String> assignments) {
        ObjectNode result = ((ObjectNode) tree).deepCopy();
        for (String assignment : assignments) {
            applyOne(result, assignment);
        }
        return result;
    }

    /** Applies one assignment to {@code root}; returns its path. */
    private static String applyOne(ObjectNode root, String assignment) {
        String source = SOURCE + " " + assignment;
        int eq = assignment.indexOf('=');
        if (eq <= 0 || assignment.substring(0, eq).isBlank()) {
            throw new ConfigException(source, 0, 0, "", "expected PATH=VALUE, e.g. --set run.prompt=128");
        }
        String path = assignment.substring(0, eq).strip();
        JsonNode value = parseValue(source, path, assignment.substring(eq + 1).strip());
        set(source, root, path, value);
        return path;
    }

    private static JsonNode parseValue(String source, String path, String text) {
        if (text.isEmpty()) {
            throw new ConfigException(source, 0, 0, path, "has no value");
        }
        try {
            return YamlConfig.readTree(new ConfigSource(source, "v: " + text)).get("v");
        } catch (ConfigException e) {
            throw new ConfigException(source, 0, 0, path, "cannot read value '" + text + "': " + e.problem());
        }
    }

    private static void set(String source, ObjectNode root, String path, JsonNode value) {
        String[] parts = path.split("\\.|(?=\\[)");
        JsonNode node = root;
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            boolean last = i == parts.length - 1;
            if (part.startsWith("[")) {
                int index = parseIndex(source, path, part);
                if (!(node instanceof ArrayNode array) || index >= array.size()) {
                    throw new ConfigException(source, 0, 0, path, "no list element " + part + " at this path");
                }
                if (last) {
                    array.set(index, value);
                } else {
                    node = array.get(index);
                }
            } else {
                if (!(node instanceof ObjectNode object) || part.isEmpty()) {
                    throw new ConfigException(source, 0, 0, path, "cannot set '" + part + "' here (not a mapping)");
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

    private static int parseIndex(String source, String path, String part) {
        try {
            return Integer.parseInt(part.substring(1, part.length() - 1));
        } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
            throw new ConfigException(source, 0, 0, path, "bad list index " + part);
        }
    }
}

package org.pocketsim.hw.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Turns a Jackson binding failure into a one-line {@link ConfigException}: field path, plain
 * message, and the file/line/column of the document (among the merged ones) that defines the field.
 */
final class BindingErrors {

    private static final Pattern MISSING = Pattern.compile("Missing required creator property '([^']+)'");

    private BindingErrors() {
    }

    /** Explicit nulls (a key with no value) are errors: optional keys are left out instead. */
    static void rejectNulls(JsonNode node, String path, List<ConfigSource> origins) {
        if (node.isNull()) {
            throw located(origins, path, "must not be empty (leave optional keys out instead)");
        }
        if (node.isObject()) {
            node.fields().forEachRemaining(f -> rejectNulls(f.getValue(), join(path, f.getKey()), origins));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                rejectNulls(node.get(i), path + "[" + i + "]", origins);
            }
        }
    }

    static ConfigException translate(JsonProcessingException e, JsonNode tree, List<ConfigSource> origins) {
        return translate(e, tree, origins, "");
    }

    /**
     * As {@link #translate(JsonProcessingException, JsonNode, List)} for a {@code tree} that sits at
     * {@code prefix} in the documents of {@code origins}: reported paths start with the prefix.
     */
    static ConfigException translate(JsonProcessingException e, JsonNode tree, List<ConfigSource> origins, String prefix) {
        String path = e instanceof JsonMappingException m ? pathOf(m) : "";
        String problem;
        if (e instanceof UnrecognizedPropertyException u) {
            List<String> known = u.getKnownPropertyIds() == null ? List.of()
                    : u.getKnownPropertyIds().stream().map(Object::toString).sorted().collect(Collectors.toList());
            problem = unknownKeyProblem(u.getPropertyName(), known);
        } else if (e instanceof ValueInstantiationException v && v.getCause() != null) {
            Optional<String> unknown = unknownKey(TreePath.at(tree, path), v.getType().getRawClass());
            if (unknown.isPresent()) {
                return located(origins, prefix, join(path, unknown.get()), unknownKeyProblem(unknown.get(),
                        recordKeys(v.getType().getRawClass())));
            }
            Throwable cause = v.getCause();
            if (cause instanceof FieldException f) {
                path = join(path, f.field());
                problem = f.problem();
            } else {
                problem = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
            }
        } else if (e instanceof InvalidFormatException f && f.getTargetType() != null && f.getTargetType().isEnum()) {
            problem = invalidEnum(f.getTargetType(), String.valueOf(f.getValue()));
        } else if (e instanceof MismatchedInputException m && MISSING.matcher(m.getOriginalMessage()).find()) {
            Matcher missing = MISSING.matcher(m.getOriginalMessage());
            missing.find();
            String key = missing.group(1);
            String parent = path.equals(key) || path.endsWith("." + key) ? LocationIndex.parentOf(path) : path;
            Optional<String> typo = typoOf(key, TreePath.at(tree, parent));
            if (typo.isPresent()) {
                return located(origins, prefix, join(parent, typo.get()),
                        "unknown key '" + typo.get() + "'; did you mean '" + key + "'?");
            }
            path = join(parent, key);
            problem = "missing required key '" + key + "'";
        } else if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
            problem = wrongType(m.getTargetType(), TreePath.at(tree, path), m.getOriginalMessage());
        } else {
            problem = tidy(e.getOriginalMessage());
        }
        return located(origins, prefix, path, problem);
    }

    private static String unknownKeyProblem(String key, List<String> known) {
        return "unknown key '" + key + "'" + Suggest.nearest(key, known)
                .map(s -> "; did you mean '" + s + "'?")
                .orElse(" (valid keys: " + String.join(", ", known) + ")");
    }

    /**
     * A key of {@code node} that {@code type} (a record) has no component for. Record constructors
     * run before Jackson reports unknown keys, so a misspelt optional key would otherwise surface
     * as a confusing validation error.
     */
    private static Optional<String> unknownKey(JsonNode node, Class<?> type) {
        if (node == null || !node.isObject() || !type.isRecord()) {
            return Optional.empty();
        }
        List<String> known = recordKeys(type);
        List<String> present = new ArrayList<>();
        node.fieldNames().forEachRemaining(present::add);
        return present.stream().filter(k -> !known.contains(k)).findFirst();
    }

    private static List<String> recordKeys(Class<?> type) {
        List<String> keys = new ArrayList<>();
        for (RecordComponent component : type.getRecordComponents()) {
            JsonProperty renamed = component.getAccessor().getAnnotation(JsonProperty.class);
            keys.add(renamed != null && !renamed.value().isEmpty() ? renamed.value() : component.getName());
        }
        keys.sort(null);
        return keys;
    }

    /** Builds the exception with the location of {@code path} in whichever origin defines most of it. */
    private static ConfigException located(List<ConfigSource> origins, String prefix, String path, String problem) {
        return located(origins, prefix.isEmpty() ? path : path.isEmpty() ? prefix : join(prefix, path), problem);
    }

    static ConfigException located(List<ConfigSource> origins, String path, String problem) {
        ConfigSource best = origins.get(0);
        LocationIndex bestIndex = null;
        int bestDepth = -1;
        for (ConfigSource origin : origins) {
            LocationIndex index = LocationIndex.of(origin);
            int depth = index.depthDefined(path);
            if (depth > bestDepth) {
                bestDepth = depth;
                best = origin;
                bestIndex = index;
            }
        }
        LocationIndex.Position at = bestIndex == null ? null : bestIndex.nearest(path);
        if (at == null && !best.text().isBlank()) {
            at = new LocationIndex.Position(1, 1);
        }
        return new ConfigException(best.name(), at == null ? 0 : at.line(), at == null ? 0 : at.column(), path, problem);
    }

    private static String invalidEnum(Class<?> target, String given) {
        List<String> accepted = Arrays.stream(target.getEnumConstants())
                .map(c -> c.toString().toLowerCase(Locale.ROOT)).collect(Collectors.toList());
        return "unknown value '" + given + "'" + Suggest.nearest(given, accepted)
                .map(s -> "; did you mean '" + s + "'?").orElse("")
                + " (accepted: " + String.join(", ", accepted) + ")";
    }

    private static String wrongType(Class<?> target, JsonNode value, String original) {
        String given = value == null || value.isMissingNode() ? "" : value.isTextual() ? "'" + value.asText() + "'"
                : value.isContainerNode() ? (value.isArray() ? "a list" : "a mapping") : value.asText();
        if (given.isEmpty()) {
            return tidy(original);
        }
        if (target == int.class || target == Integer.class || target == long.class || target == Long.class
                || target == short.class || target == Short.class) {
            return "expected a whole number, got " + given;
        }
        if (target == double.class || target == Double.class || target == float.class || target == Float.class) {
            return "expected a number, got " + given;
        }
        if (target == boolean.class || target == Boolean.class) {
            return "expected true or false, got " + given;
        }
        if (target == String.class) {
            return "expected a text value, got " + given;
        }
        if (java.util.Collection.class.isAssignableFrom(target)) {
            return "expected a list, got " + given;
        }
        if (java.util.Map.class.isAssignableFrom(target) || target.isRecord()) {
            return "expected a mapping of keys to values, got " + given;
        }
        return tidy(original);
    }

    /** A key of {@code node} that looks like a misspelling of the missing {@code key}. */
    private static Optional<String> typoOf(String key, JsonNode node) {
        if (node == null || !node.isObject()) {
            return Optional.empty();
        }
        List<String> present = new ArrayList<>();
        node.fieldNames().forEachRemaining(present::add);
        present.remove(key);
        return present.stream().filter(p -> Suggest.nearest(key, List.of(p)).isPresent()).findFirst();
    }

    private static String pathOf(JsonMappingException e) {
        List<String> parts = new ArrayList<>();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                parts.add((parts.isEmpty() ? "" : ".") + ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                parts.add("[" + ref.getIndex() + "]");
            }
        }
        return String.join("", parts);
    }

    private static String join(String path, String field) {
        if (path.isEmpty()) {
            return field;
        }
        return field.startsWith("[") ? path + field : path + "." + field;
    }

    /** Jackson messages name Java types in backticks and run over several lines; keep one line. */
    private static String tidy(String message) {
        String oneLine = message.replace('\n', ' ').replaceAll("\\s+", " ").strip();
        return oneLine.replaceAll("`(?:[a-z]+\\.)+([A-Za-z$]+)`", "$1");
    }
}

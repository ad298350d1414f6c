package org.pocketsim.hw.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
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
    private static final Pattern OUT_OF_RANGE = Pattern.compile(
            "Numeric value \\((.+)\\) out of range of (?:int|long|short|byte) \\((-?\\d+) - (-?\\d+)\\)");

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
                problem = cause.getMessage() == null ? "invalid value" : PlainText.of(cause.getMessage());
            }
        } else if (e instanceof InvalidTypeIdException t && t.getBaseType() != null) {
            String property = typeProperty(t.getBaseType().getRawClass());
            path = join(path, property);
            problem = (t.getTypeId() == null ? "missing required key '" + property + "'"
                    : unknownKind(t.getTypeId(), kinds(t.getBaseType().getRawClass())));
            if (t.getTypeId() == null) {
                problem += " (" + property + "s: " + String.join(", ", kinds(t.getBaseType().getRawClass())) + ")";
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

    /** The key naming the subtype of a {@code @JsonTypeInfo} base type, e.g. {@code kind}. */
    private static String typeProperty(Class<?> base) {
        JsonTypeInfo info = base.getAnnotation(JsonTypeInfo.class);
        return info == null || info.property().isEmpty() ? "kind" : info.property();
    }

    /** The names of the {@code @JsonSubTypes} of {@code base}, in declaration order. */
    private static List<String> kinds(Class<?> base) {
        JsonSubTypes subtypes = base.getAnnotation(JsonSubTypes.class);
        List<String> kinds = new ArrayList<>();
        if (subtypes != null) {
            for (JsonSubTypes.Type type : subtypes.value()) {
                if (!type.name().isEmpty()) {
                    kinds.add(type.name());
                }
                kinds.addAll(Arrays.asList(type.names()));
            }
        }
        return kinds;
    }

    private static String unknownKind(String given, List<String> kinds) {
        return "unknown kind '" + given + "' (kinds: " + String.join(", ", kinds) + ")"
                + Suggest.nearest(given, kinds).map(s -> "; did you mean '" + s + "'?").orElse("");
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
        List<String> known = new ArrayList<>(recordKeys(type));
        known.addAll(typeIdProperties(type));
        List<String> present = new ArrayList<>();
        node.fieldNames().forEachRemaining(present::add);
        return present.stream().filter(k -> !known.contains(k)).findFirst();
    }

    /** The type-id keys ({@code kind}) of the polymorphic base types {@code type} implements: not record components, yet valid. */
    private static List<String> typeIdProperties(Class<?> type) {
        List<String> ids = new ArrayList<>();
        for (Class<?> base : type.getInterfaces()) {
            com.fasterxml.jackson.annotation.JsonTypeInfo info = base.getAnnotation(com.fasterxml.jackson.annotation.JsonTypeInfo.class);
            if (info != null) ids.add(info.property());
        }
        return ids;
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

    /**
     * The error at {@code path} in whichever origin defines the deepest prefix of it, the first on
     * ties; a command-line override ({@link ConfigSource#covers()}) counts as defining everything at
     * and under its path, and gives no line or column. When no origin defines any of the path, the
     * first document is blamed.
     */
    static ConfigException located(List<ConfigSource> origins, String path, String problem) {
        ConfigSource best = origins.stream().filter(o -> !o.isOverride()).findFirst().orElse(origins.get(0));
        LocationIndex bestIndex = null;
        int bestDepth = 0;
        for (ConfigSource origin : origins) {
            LocationIndex index = origin.isOverride() ? null : LocationIndex.of(origin);
            int depth = index == null ? coveredDepth(origin.covers(), path) : index.depthDefined(path);
            if (depth > bestDepth) {
                bestDepth = depth;
                best = origin;
                bestIndex = index;
            }
        }
        if (best.isOverride()) {
            return new ConfigException(best.name(), 0, 0, path, problem);
        }
        if (bestIndex == null) {
            bestIndex = LocationIndex.of(best);
        }
        LocationIndex.Position at = bestIndex.nearest(path);
        if (at == null && !best.text().isBlank()) {
            at = new LocationIndex.Position(1, 1);
        }
        return new ConfigException(best.name(), at == null ? 0 : at.line(), at == null ? 0 : at.column(), path, problem);
    }

    /** Depth at which an override of {@code covers} defines {@code path}: all of it when it covers it, else 0. */
    private static int coveredDepth(String covers, String path) {
        boolean under = path.equals(covers) || covers.isEmpty()
                || path.startsWith(covers) && (path.charAt(covers.length()) == '.' || path.charAt(covers.length()) == '[');
        return under ? LocationIndex.segments(path) + 1 : 0;
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
        Matcher range = OUT_OF_RANGE.matcher(original);
        if (range.find()) {
            return "number " + range.group(1) + " is out of range (" + range.group(2) + " to " + range.group(3) + ")";
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
        Matcher range = OUT_OF_RANGE.matcher(message == null ? "" : message);
        if (range.find()) {
            return "number " + range.group(1) + " is out of range (" + range.group(2) + " to " + range.group(3) + ")";
        }
        return PlainText.of(message);
    }
}

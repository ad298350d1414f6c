package org.pocketsim.hw.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
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

    static ConfigException translate(JsonProcessingException e, List<ConfigSource> origins) {
        String path = e instanceof JsonMappingException m ? pathOf(m) : "";
        String problem;
        if (e instanceof UnrecognizedPropertyException u) {
            List<String> known = u.getKnownPropertyIds() == null ? List.of()
                    : u.getKnownPropertyIds().stream().map(Object::toString).sorted().collect(Collectors.toList());
            problem = "unknown key '" + u.getPropertyName() + "'" + Suggest.nearest(u.getPropertyName(), known)
                    .map(s -> "; did you mean '" + s + "'?")
                    .orElse(" (valid keys: " + String.join(", ", known) + ")");
        } else if (e instanceof ValueInstantiationException v && v.getCause() != null) {
            Throwable cause = v.getCause();
            if (cause instanceof FieldException f) {
                path = join(path, f.field());
                problem = f.problem();
            } else {
                problem = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
            }
        } else if (e instanceof InvalidNullException) {
            problem = "must not be null (omit optional keys instead of leaving them empty)";
        } else if (e instanceof InvalidFormatException f && f.getTargetType() != null) {
            problem = invalidValue(f);
        } else {
            String original = e.getOriginalMessage();
            Matcher missing = MISSING.matcher(original);
            if (missing.find()) {
                path = join(path, missing.group(1));
                problem = "missing required key '" + missing.group(1) + "'";
            } else {
                problem = tidy(original);
            }
        }
        return located(origins, path, problem);
    }

    /** Builds the exception with the location of {@code path} in whichever origin defines most of it. */
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
        return new ConfigException(best.name(), at == null ? 0 : at.line(), at == null ? 0 : at.column(), path, problem);
    }

    private static String invalidValue(InvalidFormatException f) {
        Class<?> target = f.getTargetType();
        Object value = f.getValue();
        if (target.isEnum()) {
            List<String> accepted = Arrays.stream(target.getEnumConstants())
                    .map(c -> c.toString().toLowerCase(Locale.ROOT)).collect(Collectors.toList());
            String given = String.valueOf(value);
            return "unknown value '" + given + "'" + Suggest.nearest(given, accepted)
                    .map(s -> "; did you mean '" + s + "'?").orElse("")
                    + " (accepted: " + String.join(", ", accepted) + ")";
        }
        boolean integral = target == int.class || target == Integer.class || target == long.class
                || target == Long.class || target == short.class || target == Short.class;
        if (integral) {
            return "expected a whole number, got " + (value instanceof String ? "'" + value + "'" : value);
        }
        if (target == double.class || target == Double.class || target == float.class || target == Float.class) {
            return "expected a number, got " + (value instanceof String ? "'" + value + "'" : value);
        }
        return tidy(f.getOriginalMessage());
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

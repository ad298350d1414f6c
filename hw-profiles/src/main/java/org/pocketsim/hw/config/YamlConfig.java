package org.pocketsim.hw.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * The strict YAML loader every module uses for configs: YAML text to immutable records.
 *
 * <p>Contract: unknown keys are errors (with a "did you mean" suggestion), every record component
 * is required unless marked {@link ConfigOptional}, explicit nulls are errors, a float never
 * binds to an integer and a quoted string never binds to a number or boolean, duplicate keys are
 * errors, and exceptions thrown by record constructors come out as {@link ConfigException} with
 * the file, line, column and field path. Documents may say {@code extends: <base>}; the base tree is
 * loaded (recursively), the document's keys are deep-merged over it ({@link TreeMerge}) and the
 * result is bound once.
 */
public final class YamlConfig {

    private static final ObjectMapper MAPPER = build();

    private YamlConfig() {
    }

    private static ObjectMapper build() {
        YAMLMapper mapper = YAMLMapper.builder(new YAMLFactory())
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .annotationIntrospector(new StrictIntrospector())
                .serializationInclusion(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
                .build();
        for (LogicalType type : List.of(LogicalType.Integer, LogicalType.Float, LogicalType.Boolean)) {
            mapper.coercionConfigFor(type).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        }
        mapper.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        return mapper;
    }

    /**
     * A copy of the strict mapper, for callers that need Jackson directly, e.g. to write a bound
     * config back as YAML ("config as run"): nulls are left out, so what it writes reads back equal.
     */
    public static ObjectMapper mapper() {
        return MAPPER.copy();
    }

    /** Loads and binds a YAML file; no {@code extends:} support (the key is then unknown). */
    public static <T> T load(Path file, Class<T> type) {
        return parse(ConfigSource.ofFile(file), type);
    }

    /** Loads and binds a classpath resource, e.g. {@code org/pocketsim/hw/preset/apple-m4.yaml}. */
    public static <T> T loadResource(String resource, Class<T> type) {
        return parse(ConfigSource.ofResource(resource), type);
    }

    /** Parses and binds one document. */
    public static <T> T parse(ConfigSource source, Class<T> type) {
        return bind(readTree(source), type, List.of(source));
    }

    /** Loads a file that may say {@code extends: <name>}, resolving bases through {@code resolver}. */
    public static <T> T loadExtending(Path file, Class<T> type, BaseResolver resolver) {
        MergedTree merged = Extends.resolve(ConfigSource.ofFile(file), resolver);
        return bind(merged.tree(), type, merged.origins());
    }

    /** Resolves {@code extends:} chains of {@code source} into one merged tree (not yet bound). */
    public static MergedTree resolveExtends(ConfigSource source, BaseResolver resolver) {
        return Extends.resolve(source, resolver);
    }

    /** Parses YAML text into a tree; syntax errors and empty documents are {@link ConfigException}s. */
    public static JsonNode readTree(ConfigSource source) {
        JsonNode tree;
        try {
            tree = MAPPER.readTree(source.text());
        } catch (JsonProcessingException e) {
            throw syntaxError(source, e);
        }
        if (tree == null || tree.isMissingNode() || tree.isNull()) {
            throw new ConfigException(source.name(), 0, 0, "", "empty document");
        }
        if (!tree.isObject()) {
            throw new ConfigException(source.name(), 1, 1, "", "expected a mapping of keys to values at the top level");
        }
        return tree;
    }

    private static ConfigException syntaxError(ConfigSource source, JsonProcessingException e) {
        if (e.getCause() instanceof MarkedYAMLException yaml && yaml.getProblemMark() != null) {
            String problem = yaml.getProblem() != null && yaml.getProblem().contains("\\t(TAB)")
                    ? "a tab character cannot start a token here (indent with spaces, not tabs)" : PlainText.of(yaml.getProblem());
            return new ConfigException(source.name(), yaml.getProblemMark().getLine() + 1,
                    yaml.getProblemMark().getColumn() + 1, "", "YAML syntax error: " + problem);
        }
        String path = "";
        JsonLocation at = e.getLocation();
        if (e.getProcessor() instanceof JsonParser parser) {
            path = LocationIndex.pathOf(parser);
            if (parser.currentTokenLocation() != null && parser.currentTokenLocation().getLineNr() > 0) {
                at = parser.currentTokenLocation();
            }
        }
        int line = at == null ? 0 : Math.max(0, at.getLineNr());
        int column = line == 0 ? 0 : Math.max(0, at.getColumnNr());
        String original = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        if (original.startsWith("Expected a field name") || original.startsWith("Trailing token")) {
            path = "";
        }
        return new ConfigException(source.name(), line, column, path, readProblem(original));
    }

    private static final Pattern DUPLICATE = Pattern.compile("Duplicate field '([^']*)'");
    private static final Pattern MALFORMED = Pattern.compile("Malformed numeric value '([^']*)'");

    /** Plain words for what the YAML reader rejected (duplicate keys, numbers it cannot read, limits). */
    private static String readProblem(String original) {
        Matcher m = DUPLICATE.matcher(original);
        if (m.find()) {
            return "duplicate key '" + m.group(1) + "'";
        }
        if (original.contains("special characters are not allowed")) {
            return "control characters are not allowed (is this a binary file?)";
        }
        if (original.startsWith("Expected a field name")) {
            return "YAML syntax error: a key must be a plain name, not a list or mapping";
        }
        if (original.startsWith("Trailing token")) {
            return "more than one YAML document ('---'); a config is one document";
        }
        m = MALFORMED.matcher(original);
        if (m.find()) {
            return "'" + m.group(1) + "' is not a number PocketSim can use (write a finite decimal number)";
        }
        return PlainText.of(original);
    }

    /** Binds a tree with no file behind it; errors name {@code sourceName} and the field path. */
    public static <T> T bind(JsonNode tree, Class<T> type, String sourceName) {
        return bind(tree, type, List.of(new ConfigSource(sourceName, "")));
    }

    /**
     * Binds a (possibly merged) tree; errors carry the location of the field in whichever of
     * {@code origins} defines it, preferring the first (the user's document) on ties.
     */
    public static <T> T bind(JsonNode tree, Class<T> type, List<ConfigSource> origins) {
        return bindAt(tree, type, origins, "");
    }

    /**
     * Binds {@code tree}, the node at {@code path} of the documents in {@code origins} (e.g. one
     * sweep point's {@code run} section): errors name and locate {@code path.<field>}.
     */
    public static <T> T bindAt(JsonNode tree, Class<T> type, List<ConfigSource> origins, String path) {
        BindingErrors.rejectNulls(tree, path, origins);
        try {
            return MAPPER.readerFor(type).readValue(MAPPER.treeAsTokens(tree));
        } catch (JsonProcessingException e) {
            throw BindingErrors.translate(e, tree, origins, path);
        } catch (IOException e) {
            throw BindingErrors.located(origins, path, "cannot read: " + PlainText.of(e));
        }
    }
}

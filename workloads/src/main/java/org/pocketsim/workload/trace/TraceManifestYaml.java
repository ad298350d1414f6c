package org.pocketsim.workload.trace;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Strict binding of {@code trace.yaml}: unknown keys, missing required keys and floats where
 * ints are expected are errors reported as one line {@code file:line:column: what}.
 */
public final class TraceManifestYaml {

    /** File name of the manifest inside a trace directory. */
    public static final String FILE_NAME = "trace.yaml";

    private static final YAMLMapper MAPPER = YAMLMapper.builder(YAMLFactory.builder()
                    .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                    .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                    .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
                    .build())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .build();

    private TraceManifestYaml() {
    }

    /** Reads and validates {@code file}. */
    public static TraceManifest read(Path file) {
        try (JsonParser parser = MAPPER.createParser(file.toFile())) {
            try {
                TraceManifest m = MAPPER.readValue(parser, TraceManifest.class);
                if (m == null) throw new TraceException(file + ": empty trace manifest");
                return m;
            } catch (UnrecognizedPropertyException e) {
                // Records are bound through their constructor, so Jackson reports the end of the
                // mapping; the key's own position is found by a second, streaming pass.
                throw new TraceException(where(file, locateKey(file, e.getPath())) + "unknown key \"" + e.getPropertyName()
                        + "\" (known: " + e.getKnownPropertyIds() + ")", e);
            } catch (ValueInstantiationException e) {
                Throwable cause = e.getCause() != null ? e.getCause() : e;
                throw new TraceException(where(file, e.getLocation()) + cause.getMessage(), e);
            } catch (JsonProcessingException e) {
                throw new TraceException(where(file, e.getLocation()) + e.getOriginalMessage().replace('\n', ' '), e);
            }
        } catch (IOException e) {
            throw new TraceException(file + ": cannot read: " + e, e);
        }
    }

    /** Writes {@code manifest} to {@code file}. */
    public static void write(TraceManifest manifest, Path file) {
        try {
            Files.writeString(file, toYaml(manifest));
        } catch (IOException e) {
            throw new TraceException(file + ": cannot write: " + e, e);
        }
    }

    /** {@code manifest} as YAML text. */
    public static String toYaml(TraceManifest manifest) {
        try {
            return MAPPER.writeValueAsString(manifest);
        } catch (JsonProcessingException e) {
            throw new TraceException("cannot serialise trace manifest: " + e.getOriginalMessage(), e);
        }
    }

    private static JsonLocation locateKey(Path file, List<JsonMappingException.Reference> path) {
        List<String> target = new ArrayList<>();
        for (JsonMappingException.Reference r : path) {
            if (r.getFieldName() != null) target.add(r.getFieldName());
        }
        try (JsonParser p = MAPPER.createParser(file.toFile())) {
            Deque<String> stack = new ArrayDeque<>();
            String pending = null;
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                switch (t) {
                    case FIELD_NAME -> {
                        pending = p.currentName();
                        List<String> here = new ArrayList<>();
                        stack.descendingIterator().forEachRemaining(n -> {
                            if (!n.isEmpty()) here.add(n);
                        });
                        here.add(pending);
                        if (here.equals(target)) return p.currentTokenLocation();
                    }
                    case START_OBJECT, START_ARRAY -> stack.push(pending == null ? "" : pending);
                    case END_OBJECT, END_ARRAY -> stack.pop();
                    default -> { }
                }
                if (t != JsonToken.FIELD_NAME) pending = null;
            }
        } catch (IOException e) {
            return null;
        }
        return null;
    }

    private static String where(Path file, JsonLocation loc) {
        if (loc == null || loc.getLineNr() < 1) return file + ": ";
        return file + ":" + loc.getLineNr() + ":" + loc.getColumnNr() + ": ";
    }
}

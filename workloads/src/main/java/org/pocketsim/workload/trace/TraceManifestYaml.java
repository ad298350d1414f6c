package org.pocketsim.workload.trace;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

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
        try {
            TraceManifest m = MAPPER.readValue(file.toFile(), TraceManifest.class);
            if (m == null) throw new TraceException(file + ": empty trace manifest");
            return m;
        } catch (ValueInstantiationException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new TraceException(where(file, e.getLocation()) + cause.getMessage(), e);
        } catch (JsonProcessingException e) {
            throw new TraceException(where(file, e.getLocation()) + e.getOriginalMessage().replace('\n', ' '), e);
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

    private static String where(Path file, JsonLocation loc) {
        if (loc == null || loc.getLineNr() < 1) return file + ": ";
        return file + ":" + loc.getLineNr() + ":" + loc.getColumnNr() + ": ";
    }
}

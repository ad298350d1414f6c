package org.pocketsim.workload.model;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Binds a model YAML to a {@link ModelSpec} strictly: unknown keys, missing keys, nulls for
 * numbers and floats for integers are errors that name the file, line and column.
 */
public final class ModelSpecLoader {

    private static final ObjectMapper MAPPER = JsonMapper.builder(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .build();

    private ModelSpecLoader() {
    }

    /** Reads one model spec; {@code fileName} names the source in error messages. */
    public static ModelSpec read(InputStream in, String fileName) {
        try {
            ModelSpec spec = MAPPER.readValue(in, ModelSpec.class);
            if (spec == null) throw new IllegalArgumentException(fileName + ": empty model file");
            return spec;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(fileName + where(e.getLocation()) + ": " + firstLine(e), e);
        } catch (IOException e) {
            throw new UncheckedIOException(fileName + ": " + e.getMessage(), e);
        }
    }

    private static String where(JsonLocation loc) {
        return loc == null ? "" : ":" + loc.getLineNr() + ":" + loc.getColumnNr();
    }

    /** The cause's own message (a record validation error) or Jackson's message without its location tail. */
    private static String firstLine(JsonProcessingException e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        String msg = root instanceof IllegalArgumentException ? root.getMessage() : e.getOriginalMessage();
        int nl = msg.indexOf('\n');
        return nl < 0 ? msg : msg.substring(0, nl);
    }
}

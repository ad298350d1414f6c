package org.pocketsim.workload.model;

import org.pocketsim.hw.config.ConfigSource;
import org.pocketsim.hw.config.YamlConfig;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Binds a model YAML to a {@link ModelSpec} with the house's strict loader
 * ({@link YamlConfig}): unknown, missing or duplicate keys, explicit nulls and floats for
 * integers are {@code ConfigException}s naming the file, line, column and field.
 */
public final class ModelSpecLoader {

    private ModelSpecLoader() {
    }

    /** Reads one model spec; {@code fileName} names the source in error messages. */
    public static ModelSpec read(InputStream in, String fileName) {
        try {
            return YamlConfig.parse(new ConfigSource(fileName, new String(in.readAllBytes(), StandardCharsets.UTF_8)),
                    ModelSpec.class);
        } catch (IOException e) {
            throw new UncheckedIOException(fileName + ": " + e.getMessage(), e);
        }
    }
}

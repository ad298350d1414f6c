package org.pocketsim.workload.trace;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.pocketsim.hw.config.ConfigException;
import org.pocketsim.hw.config.YamlConfig;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads {@code trace.yaml} with the project's strict loader ({@link YamlConfig}: unknown keys,
 * missing required keys, explicit nulls and floats where ints are expected are errors reported
 * as one line {@code file:line:column: field 'x': what}) and writes it back as plain YAML.
 */
public final class TraceManifestYaml {

    /** File name of the manifest inside a trace directory. */
    public static final String FILE_NAME = "trace.yaml";

    private static final YAMLMapper WRITER = YAMLMapper.builder(YAMLFactory.builder()
                    .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                    .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                    .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
                    .disable(YAMLGenerator.Feature.SPLIT_LINES)
                    .build())
            .build();

    private TraceManifestYaml() {
    }

    /** Reads and validates {@code file}. */
    public static TraceManifest read(Path file) {
        try {
            return YamlConfig.load(file, TraceManifest.class);
        } catch (ConfigException e) {
            throw new TraceException(e.getMessage(), e);
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
            return WRITER.writeValueAsString(manifest);
        } catch (JsonProcessingException e) {
            throw new TraceException("cannot serialise trace manifest: " + e.getOriginalMessage(), e);
        }
    }
}

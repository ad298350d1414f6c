package org.pocketsim.hw.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The text of one config document and the name errors use for it (a file path as the user gave
 * it, or a classpath resource name).
 */
public record ConfigSource(String name, String text) {

    public ConfigSource {
        Require.notBlank(name, "name");
        Require.notNull(text, "text");
    }

    /** Reads a file; a missing or unreadable file is a {@link ConfigException}. */
    public static ConfigSource ofFile(Path file) {
        String name = file.toString();
        try {
            return new ConfigSource(name, Files.readString(file, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            throw new ConfigException(name, 0, 0, "", "file not found");
        } catch (IOException e) {
            throw new ConfigException(name, 0, 0, "", "cannot read file: " + e.getMessage());
        }
    }

    /** Reads a classpath resource such as {@code org/pocketsim/hw/preset/apple-m4.yaml}. */
    public static ConfigSource ofResource(String resource) {
        String path = resource.startsWith("/") ? resource.substring(1) : resource;
        ClassLoader loader = ConfigSource.class.getClassLoader();
        try (InputStream in = loader.getResourceAsStream(path)) {
            if (in == null) {
                throw new ConfigException(path, 0, 0, "", "resource not found on the classpath");
            }
            return new ConfigSource(path, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read resource " + path, e);
        }
    }
}

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
 * it, or a classpath resource name); or a command-line override such as
 * {@code --set run.prompt=abc}, which has no text and {@link #covers() covers} one document path.
 *
 * @param covers for an override: the document path it sets as a whole, so that errors at that path
 *               or under it blame the override (without line and column); null for a document
 */
public record ConfigSource(String name, String text, String covers) {

    public ConfigSource {
        Require.notBlank(name, "name");
        Require.notNull(text, "text");
    }

    /** A document. */
    public ConfigSource(String name, String text) {
        this(name, text, null);
    }

    /** A command-line override named {@code name} (as the user typed it) that sets {@code path}. */
    public static ConfigSource override(String name, String path) {
        return new ConfigSource(name, "", Require.notNull(path, "path"));
    }

    /** Whether this is a command-line override rather than a document. */
    public boolean isOverride() {
        return covers != null;
    }

    /**
     * Reads a UTF-8 file; a missing, unreadable or non-UTF-8 file (or a folder) is a one-line
     * {@link ConfigException} naming it.
     */
    public static ConfigSource ofFile(Path file) {
        String name = file.toString();
        if (Files.isDirectory(file)) {
            throw new ConfigException(name, 0, 0, "", "is a folder, not a file");
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new ConfigException(name, 0, 0, "", "file not found");
        } catch (java.nio.file.AccessDeniedException e) {
            throw new ConfigException(name, 0, 0, "", "cannot read file: permission denied");
        } catch (IOException e) {
            throw new ConfigException(name, 0, 0, "", "cannot read file: " + PlainText.reason(e));
        }
        return new ConfigSource(name, Utf8.decode(name, bytes));
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

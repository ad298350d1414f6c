package org.pocketsim.workload.model;

import org.pocketsim.hw.config.ConfigException;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The model presets shipped as resources ({@code presets/<id>.yaml}, listed in
 * {@code presets.txt}: adding a preset is one file plus one line), loaded by id.
 */
public final class ModelCatalog {

    private static final String BASE = "/org/pocketsim/workload/model/";

    private ModelCatalog() {
    }

    /** Ids of all presets, in catalog order. */
    public static List<String> ids() {
        try (InputStream in = open(BASE + "presets.txt", "model preset index")) {
            List<String> ids = new ArrayList<>();
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (!line.isBlank()) ids.add(line.strip());
            }
            return List.copyOf(ids);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The preset with id {@code id}; an unknown id is an error that lists the known ones. */
    public static ModelSpec load(String id) {
        if (!ids().contains(id)) {
            throw new IllegalArgumentException("unknown model '" + id + "'; known: " + String.join(", ", ids()));
        }
        String file = "presets/" + id + ".yaml";
        try (InputStream in = open(BASE + file, file)) {
            ModelSpec spec = ModelSpecLoader.read(in, file);
            if (!spec.id().equals(id)) throw new IllegalArgumentException(file + ": id is '" + spec.id() + "', expected '" + id + "'");
            return spec;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A preset id, or else a path to a model YAML file. A path (it names a directory or ends in
     * {@code .yaml} or {@code .yml}) that is not a readable file is a {@link ConfigException}
     * naming it; anything else that is not a preset is an unknown-model error listing the presets.
     */
    public static ModelSpec resolve(String idOrPath) {
        if (ids().contains(idOrPath)) return load(idOrPath);
        Path p = Path.of(idOrPath);
        if (!Files.isRegularFile(p)) {
            if (looksLikePath(idOrPath)) throw new ConfigException(idOrPath, 0, 0, "",
                    "no such model file (a model is a preset id, see 'pocketsim models list', or a model YAML file)");
            return load(idOrPath);
        }
        try (InputStream in = Files.newInputStream(p)) {
            return ModelSpecLoader.read(in, p.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(p + ": " + e.getMessage(), e);
        }
    }

    /** Whether {@code idOrPath} is meant as a file: it has a directory part or a YAML extension. */
    public static boolean looksLikePath(String idOrPath) {
        return idOrPath.contains("/") || idOrPath.contains(java.io.File.separator) || idOrPath.endsWith(".yaml")
                || idOrPath.endsWith(".yml");
    }

    private static InputStream open(String resource, String what) {
        InputStream in = ModelCatalog.class.getResourceAsStream(resource);
        if (in == null) throw new IllegalStateException(what + " missing from the classpath: " + resource);
        return in;
    }
}

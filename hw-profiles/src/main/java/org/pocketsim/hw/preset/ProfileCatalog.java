package org.pocketsim.hw.preset;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.pocketsim.hw.config.ConfigException;
import org.pocketsim.hw.config.ConfigSource;
import org.pocketsim.hw.config.MergedTree;
import org.pocketsim.hw.config.Suggest;
import org.pocketsim.hw.config.YamlConfig;
import org.pocketsim.hw.spec.SocSpec;

/**
 * The SoC presets shipped as resources ({@code org/pocketsim/hw/preset/<id>.yaml}, listed in
 * {@code index.txt}) and user profile files that {@code extends:} one of them (or another file,
 * by path relative to the extending file).
 */
public final class ProfileCatalog {

    static final String RESOURCE_DIR = "org/pocketsim/hw/preset/";

    private static final List<String> IDS = readIndex();

    private ProfileCatalog() {
    }

    /** Ids of all shipped presets, in index order. */
    public static List<String> ids() {
        return IDS;
    }

    private static List<String> readIndex() {
        String index = ConfigSource.ofResource(RESOURCE_DIR + "index.txt").text();
        return Arrays.stream(index.split("\n")).map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#")).collect(Collectors.toUnmodifiableList());
    }

    /** Loads a shipped preset by id; an unknown id is a ConfigException suggesting the nearest. */
    public static SocSpec load(String id) {
        return bind(YamlConfig.resolveExtends(presetSource(id), ProfileCatalog::resolveBase), null);
    }

    /** Loads all shipped presets. */
    public static List<SocSpec> loadAll() {
        return ids().stream().map(ProfileCatalog::load).collect(Collectors.toList());
    }

    /**
     * Loads a user profile file, typically {@code extends: snapdragon-8-gen3} plus overrides. Facts the
     * file changes without giving a source get the source "override in FILE".
     */
    public static SocSpec loadFile(Path file) {
        ConfigSource source = ConfigSource.ofFile(file);
        return bind(YamlConfig.resolveExtends(source, ProfileCatalog::resolveBase), source);
    }

    /** A preset id or, if it names an existing file, that file. */
    public static SocSpec loadIdOrFile(String idOrFile) {
        Path path = Path.of(idOrFile);
        if (idOrFile.endsWith(".yaml") || idOrFile.endsWith(".yml") || Files.isRegularFile(path)) {
            return loadFile(path);
        }
        return load(idOrFile);
    }

    /**
     * Loads a profile given inline as a tree, typically an experiment's {@code soc:} section
     * {@code {extends: snapdragon-8-gen3, dram: {capacity: 8 GiB}}}; errors and override
     * provenance name {@code sourceName}.
     */
    public static SocSpec loadTree(JsonNode tree, String sourceName) {
        String yaml;
        try {
            yaml = YamlConfig.mapper().writeValueAsString(tree);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise profile tree", e);
        }
        ConfigSource source = new ConfigSource(sourceName, yaml);
        return bind(YamlConfig.resolveExtends(source, ProfileCatalog::resolveBase), source);
    }

    private static SocSpec bind(MergedTree merged, ConfigSource userFile) {
        JsonNode tree = merged.tree();
        if (userFile != null) {
            tree = OverrideSources.attach(tree, YamlConfig.readTree(userFile), userFile.name(), merged.origins());
        }
        return YamlConfig.bind(tree, SocSpec.class, merged.origins());
    }

    private static ConfigSource presetSource(String id) {
        List<String> ids = ids();
        if (!ids.contains(id)) {
            throw new ConfigException("profile", 0, 0, "", unknownPresetMessage(id, ids));
        }
        return ConfigSource.ofResource(RESOURCE_DIR + id + ".yaml");
    }

    private static String unknownPresetMessage(String id, List<String> ids) {
        return "no SoC preset '" + id + "'" + Suggest.nearest(id, ids).map(s -> "; did you mean '" + s + "'?")
                .orElse("") + " (presets: " + String.join(", ", ids) + ")";
    }

    private static ConfigSource resolveBase(String name, ConfigSource requester) {
        if (name.endsWith(".yaml") || name.endsWith(".yml")) {
            Path from = Path.of(requester.name()).toAbsolutePath().getParent();
            return ConfigSource.ofFile(from == null ? Path.of(name) : from.resolve(name));
        }
        List<String> ids = ids();
        if (!ids.contains(name)) {
            throw new IllegalArgumentException(unknownPresetMessage(name, ids));
        }
        return ConfigSource.ofResource(RESOURCE_DIR + name + ".yaml");
    }
}

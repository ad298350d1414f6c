package org.pocketsim.hw.preset;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import org.pocketsim.hw.config.ConfigErrors;
import org.pocketsim.hw.config.ConfigException;
import org.pocketsim.hw.config.ConfigSource;
import org.pocketsim.hw.config.MergedTree;
import org.pocketsim.hw.config.Suggest;
import org.pocketsim.hw.config.TreeMerge;
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
        if (idOrFile.endsWith(".yaml") || idOrFile.endsWith(".yml") || Files.exists(path)) {
            return loadFile(path);
        }
        return load(idOrFile);
    }

    /**
     * Loads the profile an experiment gives at {@code path} (e.g. {@code run.soc}) of the documents
     * in {@code origins} (the experiment file and its {@code --set} overrides, as for
     * {@link YamlConfig#bindAt}): a preset id, a profile file (relative to the experiment file), or
     * an inline tree such as {@code {extends: snapdragon-8-gen3, dram: {capacity: 8 GiB}}}. Errors in
     * the user's values name {@code path.<field>} at the line and column the user wrote them;
     * facts the inline tree overrides get the source "override in FILE PATH".
     */
    public static SocSpec loadTree(JsonNode soc, List<ConfigSource> origins, String path) {
        ConfigSource document = origins.stream().filter(o -> !o.isOverride()).findFirst().orElse(origins.get(0));
        if (soc.isTextual()) {
            String text = soc.asText();
            if (!text.endsWith(".yaml") && !text.endsWith(".yml")) {
                if (!ids().contains(text)) {
                    throw ConfigErrors.at(origins, path, unknownPresetMessage(text, ids()));
                }
                return load(text);
            }
            try {
                return loadFile(relativeTo(document, text));
            } catch (ConfigException e) {
                throw e.line() > 0 ? e : ConfigErrors.at(origins, path, e.source() + ": " + e.problem());
            }
        }
        if (!soc.isObject()) {
            throw ConfigErrors.at(origins, path, "expected a preset id, a profile file or a mapping of profile keys");
        }
        ObjectNode own = ((ObjectNode) soc).deepCopy();
        JsonNode base = own.remove("extends");
        JsonNode tree = own;
        List<ConfigSource> all = new ArrayList<>(origins);
        List<ConfigSource> bases = List.of(document);
        if (base != null) {
            if (!base.isTextual() || base.asText().isBlank()) {
                throw ConfigErrors.at(origins, path + ".extends", "must name a base, e.g. 'extends: snapdragon-8-gen3'");
            }
            MergedTree merged;
            try {
                merged = YamlConfig.resolveExtends(resolveBase(base.asText(), document), ProfileCatalog::resolveBase);
            } catch (IllegalArgumentException e) {
                throw ConfigErrors.at(origins, path + ".extends", e.getMessage());
            } catch (ConfigException e) {
                throw e.line() > 0 ? e : ConfigErrors.at(origins, path + ".extends", e.source() + ": " + e.problem());
            }
            tree = TreeMerge.merge(merged.tree(), own);
            bases = merged.origins();
            all.addAll(bases);
        }
        tree = OverrideSources.attach(tree, own, document.name() + " " + path, bases);
        return YamlConfig.bindAt(tree, SocSpec.class, all, path);
    }

    private static Path relativeTo(ConfigSource document, String file) {
        Path from = Path.of(document.name()).toAbsolutePath().getParent();
        return from == null ? Path.of(file) : from.resolve(file);
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
            throw new ConfigException(id, 0, 0, "", "unknown SoC preset" + Suggest.nearest(id, ids)
                    .map(s -> "; did you mean '" + s + "'?").orElse("") + " (presets: " + String.join(", ", ids) + ")");
        }
        return ConfigSource.ofResource(RESOURCE_DIR + id + ".yaml");
    }

    private static String unknownPresetMessage(String id, List<String> ids) {
        return "no SoC preset '" + id + "'" + Suggest.nearest(id, ids).map(s -> "; did you mean '" + s + "'?")
                .orElse("") + " (presets: " + String.join(", ", ids) + ")";
    }

    private static ConfigSource resolveBase(String name, ConfigSource requester) {
        if (name.endsWith(".yaml") || name.endsWith(".yml")) {
            return ConfigSource.ofFile(relativeTo(requester, name));
        }
        List<String> ids = ids();
        if (!ids.contains(name)) {
            throw new IllegalArgumentException(unknownPresetMessage(name, ids));
        }
        return ConfigSource.ofResource(RESOURCE_DIR + name + ".yaml");
    }
}

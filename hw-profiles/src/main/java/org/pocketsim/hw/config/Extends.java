package org.pocketsim.hw.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Resolution of {@code extends: <base>} chains into one merged tree. */
final class Extends {

    static final String KEY = "extends";

    private Extends() {
    }

    static MergedTree resolve(ConfigSource source, BaseResolver resolver) {
        List<ConfigSource> origins = new ArrayList<>();
        JsonNode tree = resolve(source, resolver, origins, new LinkedHashSet<>());
        return new MergedTree(tree, origins);
    }

    private static JsonNode resolve(ConfigSource source, BaseResolver resolver, List<ConfigSource> origins,
                                    Set<String> chain) {
        origins.add(source);
        ObjectNode tree = (ObjectNode) YamlConfig.readTree(source);
        JsonNode base = tree.remove(KEY);
        if (base == null) {
            return tree;
        }
        List<ConfigSource> here = List.of(source);
        if (!base.isTextual() || base.asText().isBlank()) {
            throw BindingErrors.located(here, KEY, "must name a base, e.g. 'extends: snapdragon-8-gen3'");
        }
        String name = base.asText();
        if (!chain.add(source.name())) {
            throw BindingErrors.located(here, KEY, "extends cycle: " + String.join(" -> ", chain) + " -> " + name);
        }
        ConfigSource baseSource;
        try {
            baseSource = resolver.resolve(name, source);
        } catch (IllegalArgumentException e) {
            throw BindingErrors.located(here, KEY, e.getMessage());
        } catch (ConfigException e) {
            if (e.line() > 0) {
                throw e;
            }
            throw BindingErrors.located(here, KEY, e.problem());
        }
        if (chain.contains(baseSource.name())) {
            throw BindingErrors.located(here, KEY,
                    "extends cycle: " + String.join(" -> ", chain) + " -> " + baseSource.name());
        }
        JsonNode baseTree = resolve(baseSource, resolver, origins, chain);
        return TreeMerge.merge(baseTree, tree);
    }
}

package org.pocketsim.hw.preset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.pocketsim.hw.config.ConfigException;
import org.pocketsim.hw.config.ConfigSource;
import org.pocketsim.hw.config.TreePath;
import org.pocketsim.hw.config.YamlConfig;
import org.pocketsim.hw.spec.CacheSpec;
import org.pocketsim.hw.spec.CpuSpec;
import org.pocketsim.hw.spec.DramSpec;
import org.pocketsim.hw.spec.EnergySpec;
import org.pocketsim.hw.spec.FlashSpec;
import org.pocketsim.hw.spec.GpuSpec;
import org.pocketsim.hw.spec.NpuSpec;
import org.pocketsim.hw.spec.Provenance;
import org.pocketsim.hw.spec.SocSpec;

/**
 * Keeps provenance honest when a user file overrides preset numbers: a fact the user file sets
 * without its own source gets "override in FILE" instead of silently keeping the preset's citation,
 * and inherited source entries for facts that no longer exist (e.g. a shorter caches list) are dropped.
 */
final class OverrideSources {

    private OverrideSources() {
    }

    static JsonNode attach(JsonNode merged, JsonNode userTree, String fileName, List<ConfigSource> origins) {
        Map<String, String> facts;
        try {
            facts = factsOf(merged, origins);
        } catch (ConfigException | IllegalArgumentException e) {
            return merged;
        }
        Map<String, String> userSources = new TreeMap<>();
        JsonNode own = userTree.get("sources");
        if (own != null && own.isObject()) {
            own.fields().forEachRemaining(f -> userSources.put(f.getKey(), f.getValue().asText()));
        }
        ObjectNode sources = sourcesOf(merged);
        List<String> stale = new ArrayList<>();
        sources.fieldNames().forEachRemaining(key -> {
            if (!userSources.containsKey(key) && !namesFact(key, facts.keySet())) {
                stale.add(key);
            }
        });
        sources.remove(stale);
        for (String fact : facts.keySet()) {
            if (TreePath.at(userTree, fact) != null && Provenance.find(userSources, fact).isEmpty()) {
                sources.put(fact, "override in " + fileName + " (no source given)");
            }
        }
        ObjectNode copy = ((ObjectNode) merged).deepCopy();
        copy.set("sources", sources);
        return copy;
    }

    /** A mutable copy of the tree's {@code sources} mapping (empty if it has none). */
    private static ObjectNode sourcesOf(JsonNode tree) {
        JsonNode sources = tree.get("sources");
        return sources != null && sources.isObject() ? ((ObjectNode) sources).deepCopy()
                : YamlConfig.mapper().createObjectNode();
    }

    private static boolean namesFact(String key, Set<String> facts) {
        return facts.stream().anyMatch(f -> f.equals(key) || f.startsWith(key + ".") || f.startsWith(key + "["));
    }

    private static Map<String, String> factsOf(JsonNode merged, List<ConfigSource> origins) {
        List<CacheSpec> caches = new ArrayList<>();
        JsonNode cacheList = merged.get("caches");
        if (cacheList != null) {
            for (JsonNode cache : cacheList) {
                caches.add(YamlConfig.bind(cache, CacheSpec.class, origins));
            }
        }
        return SocSpec.collectFacts(
                YamlConfig.bind(section(merged, "dram"), DramSpec.class, origins),
                YamlConfig.bind(section(merged, "flash"), FlashSpec.class, origins),
                YamlConfig.bind(section(merged, "npu"), NpuSpec.class, origins),
                merged.has("gpu") ? YamlConfig.bind(merged.get("gpu"), GpuSpec.class, origins) : null,
                YamlConfig.bind(section(merged, "cpu"), CpuSpec.class, origins),
                caches,
                YamlConfig.bind(section(merged, "energy"), EnergySpec.class, origins));
    }

    private static JsonNode section(JsonNode merged, String name) {
        JsonNode node = merged.get(name);
        if (node == null) {
            throw new IllegalArgumentException("no " + name);
        }
        return node;
    }
}

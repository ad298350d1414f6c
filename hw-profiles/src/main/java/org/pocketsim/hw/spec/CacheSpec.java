package org.pocketsim.hw.spec;

import java.util.Map;
import org.pocketsim.hw.config.Require;
import org.pocketsim.hw.unit.DataSize;

/**
 * One on-chip cache level as published, e.g. {@code {name: SLC, size: 24 MiB, sharedBy: all}}.
 * Informational for now: weights of LLMs dwarf these caches, so the engine does not model hits in them.
 */
public record CacheSpec(String name, DataSize size, String sharedBy) implements Facts {

    public CacheSpec {
        Require.notBlank(name, "name");
        Require.positive(Require.notNull(size, "size").bytes(), "size");
        Require.notBlank(sharedBy, "sharedBy");
    }

    @Override
    public void addFacts(String prefix, Map<String, String> out) {
        out.put(Facts.join(prefix, "size"), size + " (" + name + ", " + sharedBy + ")");
    }
}

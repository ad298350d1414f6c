package org.pocketsim.engine.memory.eviction;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/** Registry of eviction policies by name: a new policy is one class plus one line here. */
public final class EvictionPolicies {

    /** Immutable after class initialisation: factories only, no simulator state. */
    private static final Map<String, Supplier<EvictionPolicy>> FACTORIES = registry();

    private static Map<String, Supplier<EvictionPolicy>> registry() {
        Map<String, Supplier<EvictionPolicy>> factories = new LinkedHashMap<>();
        factories.put("none", NoCachePolicy::new);
        factories.put("frozen", FrozenPolicy::new);
        factories.put("lru", LruPolicy::new);
        factories.put("lfu", LfuPolicy::new);
        factories.put("fifo", FifoPolicy::new);
        factories.put("belady", BeladyPolicy::new);
        return Collections.unmodifiableMap(factories);
    }

    private EvictionPolicies() {
    }

    /** A new policy instance; unknown names are an error listing the known ones. */
    public static EvictionPolicy create(String name) {
        Supplier<EvictionPolicy> factory = FACTORIES.get(name);
        if (factory == null) {
            throw new IllegalArgumentException("unknown eviction policy '" + name + "'; known: " + FACTORIES.keySet());
        }
        return factory.get();
    }

    /** Whether caches under policy {@code name} hold blocks (false for {@code none}: no cache). */
    public static boolean holdsBlocks(String name) {
        return create(name).holdsBlocks();
    }

    public static Set<String> names() {
        return FACTORIES.keySet();
    }
}

package org.pocketsim.engine.memory.eviction;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/** Registry of eviction policies by name: a new policy is one class plus one line here. */
public final class EvictionPolicies {

    private static final Map<String, Supplier<EvictionPolicy>> FACTORIES = new LinkedHashMap<>();

    static {
        FACTORIES.put("none", NoEvictionPolicy::new);
        FACTORIES.put("lru", LruPolicy::new);
        FACTORIES.put("lfu", LfuPolicy::new);
        FACTORIES.put("fifo", FifoPolicy::new);
        FACTORIES.put("belady", BeladyPolicy::new);
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

    public static Set<String> names() {
        return FACTORIES.keySet();
    }
}

package org.pocketsim.engine.memory.eviction;

/**
 * Least recently used: evicts the block whose last use is oldest (the DIP reference's largest
 * "slots since last use"). Blocks last used in the same step leave in ascending id.
 */
public final class LruPolicy extends LinkedOrderPolicy {

    public LruPolicy() {
        super(true);
    }

    @Override
    public String name() {
        return "lru";
    }
}

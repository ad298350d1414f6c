package org.pocketsim.engine.memory.eviction;

/**
 * Never evicts: blocks are admitted while there is room, after which the resident set is frozen
 * and every other block bypasses the cache (a static, first-come placement). A cache that holds
 * nothing at all (the DIP reference's {@code no_cache}) is a cache of capacity 0.
 */
public final class NoEvictionPolicy implements EvictionPolicy {

    @Override
    public void reset(int numBlocks, int capacityBlocks) {
        // no per-block state
    }

    @Override
    public void onHit(int block, long step) {
        // no per-block state
    }

    @Override
    public void onInsert(int block, long step) {
        // no per-block state
    }

    @Override
    public void onRemove(int block) {
        // no per-block state
    }

    @Override
    public int victim(long step, StepMembership current) {
        return -1;
    }

    @Override
    public String name() {
        return "none";
    }
}

package org.pocketsim.engine.memory.eviction;

/**
 * {@code none}: no cache. The DIP reference's {@code no_cache}: every block of every step is
 * read from flash, so a {@code WeightCache} under this policy has capacity 0 whatever DRAM it is
 * given, and a method under it claims no DRAM for its caches.
 */
public final class NoCachePolicy implements EvictionPolicy {

    @Override
    public void reset(int numBlocks, int capacityBlocks) {
        // holds nothing
    }

    @Override
    public void onHit(int block, long step) {
        throw new IllegalStateException("a cache under 'none' holds nothing, so it has no hits");
    }

    @Override
    public void onInsert(int block, long step) {
        throw new IllegalStateException("a cache under 'none' holds nothing, so nothing is inserted");
    }

    @Override
    public void onRemove(int block) {
        // holds nothing
    }

    @Override
    public int victim(long step, StepMembership current) {
        return -1;
    }

    @Override
    public boolean holdsBlocks() {
        return false;
    }

    @Override
    public String name() {
        return "none";
    }
}

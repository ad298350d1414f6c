package org.pocketsim.engine.memory.eviction;

/**
 * {@code frozen}: never evicts. Blocks are admitted while there is room, after which the resident
 * set is frozen and every other block bypasses the cache (a static, first-come placement). Not
 * the DIP reference's {@code no_cache}: that is {@link NoCachePolicy} ({@code none}).
 */
public final class FrozenPolicy implements EvictionPolicy {

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
        return "frozen";
    }
}

package org.pocketsim.engine.memory.eviction;

/**
 * Least recently used: evicts the block whose last use is oldest (the DIP reference's largest
 * "slots since last use"). Blocks last used in the same step are ordered by block id, lowest
 * evicted first, because the cache reports a step's blocks in ascending id.
 */
public final class LruPolicy extends LinkedOrderPolicy {

    @Override
    public void onHit(int block, long step) {
        moveToTail(block);
    }

    @Override
    public String name() {
        return "lru";
    }
}

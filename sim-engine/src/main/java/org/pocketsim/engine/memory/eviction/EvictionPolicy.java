package org.pocketsim.engine.memory.eviction;

/**
 * Eviction seam of a {@code WeightCache}. A policy owns its per-block state; the cache tells it
 * of hits, inserts and removals, each stamped with the step (0, 1, 2 ... since the last
 * reset: one step per single-block access or per token mask), and asks it for victims.
 *
 * <p>Within a step the cache reports every hit before any insert, and it processes a step's
 * blocks in ascending block id, so policies break ties by block id without extra state.
 */
public interface EvictionPolicy {

    /** Clears all state for a new sequence on a cache of {@code numBlocks} blocks. */
    void reset(int numBlocks, int capacityBlocks);

    /** Resident {@code block} is used in {@code step}. */
    void onHit(int block, long step);

    /** {@code block} becomes resident in {@code step}. */
    void onInsert(int block, long step);

    /** {@code block} is no longer resident. */
    void onRemove(int block);

    /**
     * A resident block to evict in {@code step}, never one for which {@code current} says
     * true; or -1 to refuse (the new block then bypasses the cache).
     */
    int victim(long step, StepMembership current);

    /**
     * Whether a cache under this policy holds blocks at all; false for {@code none} (the DIP
     * reference's {@code no_cache}), whose cache has capacity 0 whatever DRAM it is given.
     */
    default boolean holdsBlocks() {
        return true;
    }

    /**
     * The queue rule this policy implements when it is FIFO or LRU, so that the cache may run
     * whole steps on bitsets (the callbacks then go unused); null for any other rule.
     */
    default QueueOrder queueOrder() {
        return null;
    }

    /** Registry name ("lru", "lfu", ...). */
    String name();
}

package org.pocketsim.engine.memory.eviction;

/**
 * The two queue rules a {@code WeightCache} can run a whole step at a time on bitsets instead of
 * per-block policy calls (same hits, residents and evictions): residents leave oldest first by
 * the step they were inserted in (FIFO) or last used in (LRU), lowest block id first within a step.
 */
public enum QueueOrder {
    /** FIFO: a hit leaves the block where it is. */
    BY_INSERT,
    /** LRU: a hit moves the block to the young end. */
    BY_LAST_USE
}

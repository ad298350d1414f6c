package org.pocketsim.engine.memory.eviction;

import java.util.Arrays;

/**
 * Least frequently used, as the DIP reference's "LFUMaskFirst": the current mask is always
 * admitted, and the victim is the resident block outside the current step with the fewest
 * uses. A block's use count is the number of steps it appeared in since the last reset; it is
 * kept when the block is evicted (a per-block count, as in the reference's per-neuron
 * counters; assumed, the reference code was read only in summary). Ties: least recently used
 * first, then lowest block id.
 */
public final class LfuPolicy extends KeyedHeapPolicy {

    private static final long MAX_STEP = 0xffff_ffffL;

    private long[] uses = new long[0];

    @Override
    public void reset(int numBlocks, int capacityBlocks) {
        super.reset(numBlocks, capacityBlocks);
        if (uses.length != numBlocks) {
            uses = new long[numBlocks];
        }
        Arrays.fill(uses, 0);
    }

    @Override
    protected long keyAfterUse(int block, long step, boolean inserted) {
        if (step > MAX_STEP) {
            throw new IllegalStateException("LFU supports at most 2^32 steps per sequence");
        }
        uses[block]++;
        return (uses[block] << 32) | step;
    }

    /** Uses of {@code block} since the last reset. */
    public long uses(int block) {
        return uses[block];
    }

    @Override
    public String name() {
        return "lfu";
    }
}

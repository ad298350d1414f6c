package org.pocketsim.engine.memory.eviction;

/**
 * First in, first out: evicts the block resident longest; hits do not change the order. Blocks
 * inserted in the same step leave in ascending id.
 */
public final class FifoPolicy extends LinkedOrderPolicy {

    public FifoPolicy() {
        super(false);
    }

    @Override
    public String name() {
        return "fifo";
    }
}

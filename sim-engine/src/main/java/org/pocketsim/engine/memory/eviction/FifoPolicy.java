package org.pocketsim.engine.memory.eviction;

/** First in, first out: evicts the block resident longest; hits do not change the order. */
public final class FifoPolicy extends LinkedOrderPolicy {

    @Override
    public void onHit(int block, long step) {
        // FIFO order depends on insertion only.
    }

    @Override
    public String name() {
        return "fifo";
    }
}

package org.pocketsim.kernel.cache;

/**
 * Read-only view of which blocks of one cached weight set are resident in DRAM: the columns
 * of one masked linear layer, or the experts of one MoE layer. Blocks are numbered 0..n-1.
 *
 * <p>Kernels (cache-aware maskers, cache-conditional routers) read the cache through this
 * view; the engine's {@code WeightCache} implements it. It lives here, in the lower module,
 * so that dependencies point down the module table.
 */
public interface CacheView {

    /** Whether block {@code block} is resident in DRAM now. */
    boolean isResident(int block);

    /**
     * 1 when block {@code block} is resident now, else 0: for callers that index by residency
     * instead of branching on it (a bitset-backed cache answers without a branch).
     */
    default int residentBit(int block) {
        return isResident(block) ? 1 : 0;
    }

    /** Number of blocks resident now. */
    int residentCount();

    /** Maximum number of resident blocks. */
    int capacityBlocks();
}

package org.pocketsim.engine.decode.mlp;

import org.pocketsim.engine.memory.WeightCache;
import org.pocketsim.kernel.cache.CacheView;

/**
 * One MoE layer's experts in DRAM: the hot experts pinned (with {@link MixedBitsSpec}; none
 * otherwise) and a {@link WeightCache} of the others. A token's chosen hot experts are hits; its
 * other experts go through the cache as one step. Routers and the prefetcher see both as resident.
 */
final class ExpertLayerCache implements CacheView {

    private final WeightCache cold;
    private final boolean[] hot;
    private final int hotCount;
    private final int[] coldMask;
    private int hotHits;

    ExpertLayerCache(WeightCache cold, boolean[] hot) {
        this.cold = cold;
        this.hot = hot.clone();
        int h = 0;
        for (boolean b : hot) if (b) h++;
        hotCount = h;
        coldMask = new int[hot.length];
    }

    /** One token's step over {@code chosen[0..n)}: returns all hits, hot ones in {@link #hotHits()}. */
    int step(int[] chosen, int n) {
        int m = 0;
        hotHits = 0;
        for (int i = 0; i < n; i++) {
            if (hot[chosen[i]]) hotHits++;
            else coldMask[m++] = chosen[i];
        }
        return hotHits + cold.step(coldMask, m);
    }

    /** Hot experts among the last step's hits. */
    int hotHits() {
        return hotHits;
    }

    @Override
    public boolean isResident(int block) {
        return hot[block] || cold.isResident(block);
    }

    @Override
    public int residentCount() {
        return hotCount + cold.residentCount();
    }

    @Override
    public int capacityBlocks() {
        return hotCount + cold.capacityBlocks();
    }
}

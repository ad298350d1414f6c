package org.pocketsim.kernel.routing;

import org.pocketsim.kernel.cache.CacheView;

/** Test double: an LRU cache of experts, told of every expert used, as the engine's cache would be. */
final class LruExpertCache implements CacheView {

    private final long[] lastUse;
    private final boolean[] resident;
    private final int capacity;
    private int count;
    private long clock;
    private long misses;

    LruExpertCache(int experts, int capacity) {
        lastUse = new long[experts];
        resident = new boolean[experts];
        this.capacity = capacity;
    }

    /** Uses expert {@code e}: a hit refreshes it, a miss loads it and evicts the least recently used. */
    void use(int e) {
        clock++;
        if (!resident[e]) {
            misses++;
            if (count == capacity) {
                int victim = -1;
                for (int i = 0; i < resident.length; i++) {
                    if (resident[i] && (victim < 0 || lastUse[i] < lastUse[victim])) victim = i;
                }
                resident[victim] = false;
                count--;
            }
            resident[e] = true;
            count++;
        }
        lastUse[e] = clock;
    }

    long misses() {
        return misses;
    }

    @Override
    public boolean isResident(int block) {
        return resident[block];
    }

    @Override
    public int residentCount() {
        return count;
    }

    @Override
    public int capacityBlocks() {
        return capacity;
    }
}

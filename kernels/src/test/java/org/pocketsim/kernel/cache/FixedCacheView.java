package org.pocketsim.kernel.cache;

/** Test double: a cache whose resident blocks are given up front. */
public final class FixedCacheView implements CacheView {

    private final boolean[] resident;
    private final int capacity;

    public FixedCacheView(int blocks, int capacity, int... residentBlocks) {
        resident = new boolean[blocks];
        for (int b : residentBlocks) resident[b] = true;
        this.capacity = capacity;
    }

    public static FixedCacheView of(int blocks, int... residentBlocks) {
        return new FixedCacheView(blocks, blocks, residentBlocks);
    }

    @Override
    public boolean isResident(int block) {
        return resident[block];
    }

    @Override
    public int residentCount() {
        int n = 0;
        for (boolean r : resident) if (r) n++;
        return n;
    }

    @Override
    public int capacityBlocks() {
        return capacity;
    }
}

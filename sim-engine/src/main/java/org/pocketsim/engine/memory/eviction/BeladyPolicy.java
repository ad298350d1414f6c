package org.pocketsim.engine.memory.eviction;

import java.util.Arrays;

/**
 * Belady's optimal oracle: evicts the resident block outside the current step whose next use
 * is furthest in the future; blocks never used again go first, ties by lowest block id. The
 * future must be given with {@link #prepare} before each sequence (the DIP reference replays
 * a sequence's recorded masks through this cache at its end).
 *
 * <p>Next uses come from a per-block list of the steps that use it (built once per sequence);
 * a per-block cursor advances monotonically, so each lookup is amortised O(1).
 */
public final class BeladyPolicy extends KeyedHeapPolicy {

    private FutureAccesses future;
    private int[] stepsByBlock = new int[0];
    private int[] firstOfBlock = new int[0];
    private int[] cursor = new int[0];

    /** Sets the access sequence of the coming sequence; call before the cache's reset. */
    public void prepare(FutureAccesses accesses) {
        this.future = accesses;
    }

    @Override
    public void reset(int numBlocks, int capacityBlocks) {
        super.reset(numBlocks, capacityBlocks);
        if (future == null) {
            throw new IllegalStateException("Belady needs the future access sequence: call prepare() before reset()");
        }
        if (future.maxBlock() >= numBlocks) {
            throw new IllegalArgumentException("future access uses block " + future.maxBlock()
                    + " but the cache has " + numBlocks + " blocks");
        }
        firstOfBlock = new int[numBlocks + 1];
        for (int s = 0; s < future.steps(); s++) {
            for (int i = 0; i < future.sizeAt(s); i++) {
                firstOfBlock[future.blockAt(s, i) + 1]++;
            }
        }
        for (int b = 0; b < numBlocks; b++) {
            firstOfBlock[b + 1] += firstOfBlock[b];
        }
        stepsByBlock = new int[firstOfBlock[numBlocks]];
        cursor = Arrays.copyOf(firstOfBlock, numBlocks);
        for (int s = 0; s < future.steps(); s++) {
            for (int i = 0; i < future.sizeAt(s); i++) {
                stepsByBlock[cursor[future.blockAt(s, i)]++] = s;
            }
        }
        cursor = Arrays.copyOf(firstOfBlock, numBlocks);
    }

    @Override
    protected long keyAfterUse(int block, long step, boolean inserted) {
        if (step >= future.steps()) {
            throw new IllegalStateException("Belady step " + step + " is beyond the " + future.steps()
                    + " steps given to prepare()");
        }
        int end = firstOfBlock[block + 1];
        int c = cursor[block];
        while (c < end && stepsByBlock[c] <= step) {
            c++;
        }
        cursor[block] = c;
        long nextUse = c < end ? stepsByBlock[c] : Long.MAX_VALUE;
        return -nextUse;
    }

    @Override
    public String name() {
        return "belady";
    }
}

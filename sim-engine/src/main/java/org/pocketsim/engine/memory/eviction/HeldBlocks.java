package org.pocketsim.engine.memory.eviction;

import java.util.function.IntConsumer;

/**
 * The blocks one step hit and inserted, held back until the next step begins and then released
 * in ascending id (hits and inserts merged; each list is filled in ascending id, as
 * {@code WeightCache} processes a step). Policies that order blocks by when they were used (LRU,
 * FIFO, LFU within a count) use it so that a step's blocks are ordered by id, not by the order
 * the step happened to visit them. Primitive arrays, sized once per reset.
 */
final class HeldBlocks {

    private int[] hits = new int[0];
    private int hitCount;
    private int[] inserts = new int[0];
    private int insertCount;
    private long step = -1;

    void reset(int numBlocks) {
        if (hits.length != numBlocks) {
            hits = new int[numBlocks];
            inserts = new int[numBlocks];
        }
        hitCount = 0;
        insertCount = 0;
        step = -1;
    }

    void holdHit(int block) {
        hits[hitCount++] = block;
    }

    void holdInsert(int block) {
        inserts[insertCount++] = block;
    }

    /** On the first call of a new step, releases the previous step's blocks to {@code append} in ascending id. */
    void enterStep(long newStep, IntConsumer append) {
        if (newStep == step) {
            return;
        }
        step = newStep;
        int h = 0;
        int i = 0;
        while (h < hitCount && i < insertCount) {
            int a = hits[h];
            int b = inserts[i];
            boolean takeHit = a < b;
            append.accept(takeHit ? a : b);
            h += takeHit ? 1 : 0;
            i += takeHit ? 0 : 1;
        }
        while (h < hitCount) append.accept(hits[h++]);
        while (i < insertCount) append.accept(inserts[i++]);
        hitCount = 0;
        insertCount = 0;
    }
}

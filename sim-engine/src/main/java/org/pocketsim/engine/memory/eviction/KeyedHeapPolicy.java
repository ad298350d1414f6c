package org.pocketsim.engine.memory.eviction;

import java.util.Arrays;

/**
 * Shared core of LFU and Belady: resident blocks in an indexed binary min-heap ordered by
 * (pinned, key, block id). A block used or inserted in the current step is pinned, so it sorts
 * after every other block and is never the victim; pins are lifted when the step changes.
 * Subclasses define the key; all arrays are primitive and sized once per reset.
 */
abstract class KeyedHeapPolicy implements EvictionPolicy {

    private long[] key = new long[0];
    private boolean[] pinned = new boolean[0];
    private int[] position = new int[0];
    private int[] heap = new int[0];
    private int size;
    private int[] pinnedBlocks = new int[0];
    private int pinnedCount;
    private long pinStep = -1;

    @Override
    public void reset(int numBlocks, int capacityBlocks) {
        if (key.length != numBlocks) {
            key = new long[numBlocks];
            pinned = new boolean[numBlocks];
            position = new int[numBlocks];
            heap = new int[numBlocks];
            pinnedBlocks = new int[numBlocks];
        }
        Arrays.fill(pinned, false);
        Arrays.fill(position, -1);
        size = 0;
        pinnedCount = 0;
        pinStep = -1;
    }

    /** Key of {@code block} after it is used (hit or inserted) in {@code step}; smaller is evicted first. */
    protected abstract long keyAfterUse(int block, long step, boolean inserted);

    @Override
    public void onHit(int block, long step) {
        enterStep(step);
        key[block] = keyAfterUse(block, step, false);
        pin(block);
        siftDown(position[block]);
        siftUp(position[block]);
    }

    @Override
    public void onInsert(int block, long step) {
        enterStep(step);
        key[block] = keyAfterUse(block, step, true);
        pin(block);
        heap[size] = block;
        position[block] = size++;
        siftUp(size - 1);
    }

    @Override
    public void onRemove(int block) {
        int pos = position[block];
        int last = heap[--size];
        position[block] = -1;
        if (pos != size) {
            heap[pos] = last;
            position[last] = pos;
            siftDown(pos);
            siftUp(position[last]);
        }
    }

    @Override
    public int victim(long step, StepMembership current) {
        enterStep(step);
        if (size == 0) {
            return -1;
        }
        int top = heap[0];
        return pinned[top] || current.inCurrentStep(top) ? -1 : top;
    }

    private void pin(int block) {
        if (!pinned[block]) {
            pinned[block] = true;
            pinnedBlocks[pinnedCount++] = block;
        }
    }

    /** On the first call of a new step, lifts the pins of the previous step. */
    private void enterStep(long step) {
        if (step == pinStep) {
            return;
        }
        pinStep = step;
        for (int i = 0; i < pinnedCount; i++) {
            int block = pinnedBlocks[i];
            pinned[block] = false;
            if (position[block] >= 0) {
                siftUp(position[block]);
            }
        }
        pinnedCount = 0;
    }

    private boolean less(int a, int b) {
        if (pinned[a] != pinned[b]) {
            return pinned[b];
        }
        return key[a] < key[b] || (key[a] == key[b] && a < b);
    }

    private void siftUp(int pos) {
        int block = heap[pos];
        while (pos > 0) {
            int parentPos = (pos - 1) >> 1;
            int parent = heap[parentPos];
            if (!less(block, parent)) {
                break;
            }
            heap[pos] = parent;
            position[parent] = pos;
            pos = parentPos;
        }
        heap[pos] = block;
        position[block] = pos;
    }

    private void siftDown(int pos) {
        int block = heap[pos];
        while (true) {
            int child = 2 * pos + 1;
            if (child >= size) {
                break;
            }
            if (child + 1 < size && less(heap[child + 1], heap[child])) {
                child++;
            }
            if (!less(heap[child], block)) {
                break;
            }
            heap[pos] = heap[child];
            position[heap[pos]] = pos;
            pos = child;
        }
        heap[pos] = block;
        position[block] = pos;
    }
}

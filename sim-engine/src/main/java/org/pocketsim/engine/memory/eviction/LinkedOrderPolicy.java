package org.pocketsim.engine.memory.eviction;

import java.util.Arrays;

/**
 * Shared core of FIFO and LRU: resident blocks in a doubly linked list over primitive arrays,
 * oldest at the head; the victim is the first block from the head that is not in the current
 * step. A scan cursor is kept within a step, so evicting v blocks past h current-step blocks
 * costs O(v + h) rather than O(v x h).
 */
abstract class LinkedOrderPolicy implements EvictionPolicy {

    private static final int NONE = -1;

    private int[] prev = new int[0];
    private int[] next = new int[0];
    private int head = NONE;
    private int tail = NONE;
    private long cursorStep = -1;
    private int cursor = NONE;

    @Override
    public void reset(int numBlocks, int capacityBlocks) {
        if (prev.length != numBlocks) {
            prev = new int[numBlocks];
            next = new int[numBlocks];
        }
        Arrays.fill(prev, NONE);
        Arrays.fill(next, NONE);
        head = NONE;
        tail = NONE;
        cursorStep = -1;
        cursor = NONE;
    }

    @Override
    public void onInsert(int block, long step) {
        append(block);
    }

    @Override
    public void onRemove(int block) {
        if (block == cursor) {
            cursor = next[block];
        }
        unlink(block);
    }

    @Override
    public int victim(long step, StepMembership current) {
        int node = cursorStep == step ? cursor : head;
        while (node != NONE && current.inCurrentStep(node)) {
            node = next[node];
        }
        cursorStep = step;
        cursor = node;
        return node;
    }

    /** Moves {@code block} to the tail (most recent end). */
    protected final void moveToTail(int block) {
        if (block == tail) {
            return;
        }
        if (block == cursor) {
            cursor = next[block];
        }
        unlink(block);
        append(block);
    }

    private void append(int block) {
        prev[block] = tail;
        next[block] = NONE;
        if (tail == NONE) {
            head = block;
        } else {
            next[tail] = block;
        }
        tail = block;
    }

    private void unlink(int block) {
        int p = prev[block];
        int n = next[block];
        if (p == NONE) {
            head = n;
        } else {
            next[p] = n;
        }
        if (n == NONE) {
            tail = p;
        } else {
            prev[n] = p;
        }
        prev[block] = NONE;
        next[block] = NONE;
    }
}

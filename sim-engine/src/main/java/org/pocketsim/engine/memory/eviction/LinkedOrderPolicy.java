package org.pocketsim.engine.memory.eviction;

import java.util.Arrays;
import java.util.function.IntConsumer;

/**
 * Shared core of FIFO and LRU: resident blocks in a doubly linked list over primitive arrays,
 * oldest at the head; the victim is the first block from the head that is not in the current
 * step. Blocks a step inserts (and, for LRU, uses) are held back and appended in ascending id
 * when the step changes, so blocks of one step are ordered by id. A scan cursor is kept
 * within a step, so evicting v blocks past h current-step blocks costs O(v + h).
 */
abstract class LinkedOrderPolicy implements EvictionPolicy {

    private static final int NONE = -1;

    private final boolean moveOnHit;
    private int[] prev = new int[0];
    private int[] next = new int[0];
    private int head = NONE;
    private int tail = NONE;
    private long cursorStep = -1;
    private int cursor = NONE;

    private final HeldBlocks held = new HeldBlocks();
    private final IntConsumer appendBlock = this::append;

    /** @param moveOnHit whether a use moves a block to the young end (LRU) or not (FIFO) */
    LinkedOrderPolicy(boolean moveOnHit) {
        this.moveOnHit = moveOnHit;
    }

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
        held.reset(numBlocks);
    }

    @Override
    public final void onHit(int block, long step) {
        enterStep(step);
        if (moveOnHit) {
            unlink(block);
            held.holdHit(block);
        }
    }

    @Override
    public final void onInsert(int block, long step) {
        enterStep(step);
        held.holdInsert(block);
    }

    @Override
    public final void onRemove(int block) {
        unlink(block);
    }

    @Override
    public final int victim(long step, StepMembership current) {
        enterStep(step);
        int node = cursorStep == step ? cursor : head;
        while (node != NONE && current.inCurrentStep(node)) {
            node = next[node];
        }
        cursorStep = step;
        cursor = node;
        return node;
    }

    /** On the first call of a new step, appends the previous step's blocks in ascending id. */
    private void enterStep(long step) {
        held.enterStep(step, appendBlock);
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
        if (block == cursor) {
            cursor = next[block];
        }
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

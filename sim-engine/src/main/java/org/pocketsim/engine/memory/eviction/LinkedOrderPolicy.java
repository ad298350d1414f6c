package org.pocketsim.engine.memory.eviction;

import java.util.Arrays;
import java.util.function.IntConsumer;

/**
 * Shared core of FIFO and LRU: resident blocks in a queue, oldest first; the victim is the first
 * queued block that is not in the current step. Blocks a step inserts (and, for LRU, uses) are
 * held back and appended in ascending id when the step changes, so blocks of one step are
 * ordered by id.
 *
 * <p>The queue is two primitive arrays (block, step it was queued in) with lazy deletion: a
 * block's entry is live while {@code stamp[block]} equals the entry's step, so a use (LRU) or a
 * removal is one store rather than an unlink, and stale entries are dropped when the scan meets
 * them. When the arrays fill, live entries are compacted to the front (at most one entry per
 * resident block lives, and a step appends at most its mask, so this is amortised O(1)). A scan
 * cursor is kept within a step, so evicting v blocks past h current-step blocks costs O(v + h).
 */
abstract class LinkedOrderPolicy implements EvictionPolicy {

    private static final int NONE = -1;

    private final boolean moveOnHit;
    private int[] stamp = new int[0];
    private int[] queueBlock = new int[0];
    private int[] queueStep = new int[0];
    private int head;
    private int tail;
    private long cursorStep = -1;
    private int cursor;
    /** Step of the held blocks; steps since a reset fit an int (a token or access each). */
    private int heldStep = -1;

    private final HeldBlocks held = new HeldBlocks();
    private final IntConsumer appendBlock = this::append;

    /** @param moveOnHit whether a use moves a block to the young end (LRU) or not (FIFO) */
    LinkedOrderPolicy(boolean moveOnHit) {
        this.moveOnHit = moveOnHit;
    }

    @Override
    public void reset(int numBlocks, int capacityBlocks) {
        if (stamp.length != numBlocks) stamp = new int[numBlocks];
        // live entries plus a step's appends are at most the resident blocks, so twice the capacity suffices
        int queue = 2 * Math.min(numBlocks, capacityBlocks) + 2;
        if (queueBlock.length != queue) {
            queueBlock = new int[queue];
            queueStep = new int[queue];
        }
        Arrays.fill(stamp, NONE);
        head = 0;
        tail = 0;
        cursorStep = -1;
        heldStep = -1;
        held.reset(numBlocks);
    }

    @Override
    public final QueueOrder queueOrder() {
        return moveOnHit ? QueueOrder.BY_LAST_USE : QueueOrder.BY_INSERT;
    }

    @Override
    public final void onHit(int block, long step) {
        enterStep(step);
        if (moveOnHit) {
            stamp[block] = NONE;
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
        stamp[block] = NONE;
    }

    @Override
    public final int victim(long step, StepMembership current) {
        enterStep(step);
        int i = cursorStep == step ? cursor : head;
        while (i < tail) {
            int block = queueBlock[i];
            if (stamp[block] != queueStep[i]) {
                if (i == head) head++;
                i++;
            } else if (current.inCurrentStep(block)) {
                i++;
            } else {
                break;
            }
        }
        cursorStep = step;
        cursor = i;
        return i < tail ? queueBlock[i] : NONE;
    }

    /** On the first call of a new step, appends the previous step's blocks in ascending id. */
    private void enterStep(long step) {
        held.enterStep(step, appendBlock);
        heldStep = Math.toIntExact(step);
    }

    private void append(int block) {
        if (tail == queueBlock.length) compact();
        queueBlock[tail] = block;
        queueStep[tail] = heldStep;
        stamp[block] = heldStep;
        tail++;
    }

    /** Moves the live entries to the front, in order; the cursor restarts from the head. */
    private void compact() {
        int out = 0;
        for (int i = head; i < tail; i++) {
            int block = queueBlock[i];
            if (stamp[block] == queueStep[i]) {
                queueBlock[out] = block;
                queueStep[out] = queueStep[i];
                out++;
            }
        }
        head = 0;
        tail = out;
        cursorStep = -1;
    }
}

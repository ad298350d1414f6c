package org.pocketsim.engine.memory.eviction;

import java.util.Arrays;
import java.util.function.IntConsumer;

/**
 * Least frequently used, as the DIP reference's "LFUMaskFirst": the current mask is always
 * admitted, and the victim is the resident block outside the current step with the fewest
 * uses. A block's use count is the number of steps it appeared in since the last reset; it is
 * kept when the block is evicted (a per-block count, as in the reference's per-neuron
 * counters; assumed, the reference code was read only in summary). Ties: least recently used
 * first, then lowest block id.
 *
 * <p>O(1) per use: resident blocks sit in one linked list per use count, in order of last use.
 * Blocks used in the current step are held back and appended, in ascending id, when the step
 * changes; so they are never victims and equal-count ties come out by last use, then id.
 */
public final class LfuPolicy implements EvictionPolicy {

    private static final int NONE = -1;

    private int[] uses = new int[0];
    private int[] prev = new int[0];
    private int[] next = new int[0];
    private int[] head = new int[0];
    private int[] tail = new int[0];
    private int lowestCount;

    private final HeldBlocks held = new HeldBlocks();
    private final IntConsumer appendBlock = this::append;

    @Override
    public void reset(int numBlocks, int capacityBlocks) {
        if (uses.length != numBlocks) {
            uses = new int[numBlocks];
            prev = new int[numBlocks];
            next = new int[numBlocks];
            head = new int[16];
            tail = new int[16];
        }
        Arrays.fill(uses, 0);
        Arrays.fill(head, NONE);
        Arrays.fill(tail, NONE);
        lowestCount = head.length;
        held.reset(numBlocks);
    }

    @Override
    public void onHit(int block, long step) {
        enterStep(step);
        unlink(block);
        uses[block]++;
        held.holdHit(block);
    }

    @Override
    public void onInsert(int block, long step) {
        enterStep(step);
        uses[block]++;
        held.holdInsert(block);
    }

    @Override
    public void onRemove(int block) {
        unlink(block);
    }

    @Override
    public int victim(long step, StepMembership current) {
        enterStep(step);
        while (lowestCount < head.length && head[lowestCount] == NONE) {
            lowestCount++;
        }
        return lowestCount < head.length ? head[lowestCount] : NONE;
    }

    /** Uses of {@code block} since the last reset. */
    public long uses(int block) {
        return uses[block];
    }

    @Override
    public String name() {
        return "lfu";
    }

    /** On the first call of a new step, appends the previous step's blocks in ascending id. */
    private void enterStep(long step) {
        held.enterStep(step, appendBlock);
    }

    private void append(int block) {
        int count = uses[block];
        if (count >= head.length) {
            int grown = Math.max(count + 1, head.length * 2);
            int old = head.length;
            head = Arrays.copyOf(head, grown);
            tail = Arrays.copyOf(tail, grown);
            Arrays.fill(head, old, grown, NONE);
            Arrays.fill(tail, old, grown, NONE);
            if (lowestCount == old) {
                lowestCount = grown;
            }
        }
        prev[block] = tail[count];
        next[block] = NONE;
        if (tail[count] == NONE) {
            head[count] = block;
        } else {
            next[tail[count]] = block;
        }
        tail[count] = block;
        lowestCount = Math.min(lowestCount, count);
    }

    private void unlink(int block) {
        int count = uses[block];
        int p = prev[block];
        int n = next[block];
        if (p == NONE) {
            head[count] = n;
        } else {
            next[p] = n;
        }
        if (n == NONE) {
            tail[count] = p;
        } else {
            prev[n] = p;
        }
    }
}

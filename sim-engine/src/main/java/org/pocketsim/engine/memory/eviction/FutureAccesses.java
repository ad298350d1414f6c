package org.pocketsim.engine.memory.eviction;

import java.util.Arrays;

/**
 * The whole access sequence of one cache for one sequence of tokens, known in advance (the
 * Belady oracle's input): step s uses the blocks {@code blocks[offsets[s] .. offsets[s+1])}.
 * A single-block access string is the special case of one block per step.
 */
public final class FutureAccesses {

    private final int[] blocks;
    private final int[] offsets;

    private FutureAccesses(int[] blocks, int[] offsets) {
        this.blocks = blocks;
        this.offsets = offsets;
    }

    /** One step per element of {@code accesses}. */
    public static FutureAccesses ofSingleBlocks(int[] accesses) {
        int[] offsets = new int[accesses.length + 1];
        for (int i = 0; i <= accesses.length; i++) {
            offsets[i] = i;
        }
        return new FutureAccesses(accesses.clone(), offsets);
    }

    /** One step per mask; masks are copied. */
    public static FutureAccesses ofMasks(int[][] masks) {
        int[] offsets = new int[masks.length + 1];
        for (int s = 0; s < masks.length; s++) {
            offsets[s + 1] = offsets[s] + masks[s].length;
        }
        int[] blocks = new int[offsets[masks.length]];
        for (int s = 0; s < masks.length; s++) {
            System.arraycopy(masks[s], 0, blocks, offsets[s], masks[s].length);
        }
        return new FutureAccesses(blocks, offsets);
    }

    public int steps() {
        return offsets.length - 1;
    }

    /** Number of blocks used in step {@code step}. */
    public int sizeAt(int step) {
        return offsets[step + 1] - offsets[step];
    }

    /** The {@code i}-th block used in step {@code step}. */
    public int blockAt(int step, int i) {
        return blocks[offsets[step] + i];
    }

    /** Largest block id used, or -1 if none. */
    public int maxBlock() {
        return Arrays.stream(blocks).max().orElse(-1);
    }
}

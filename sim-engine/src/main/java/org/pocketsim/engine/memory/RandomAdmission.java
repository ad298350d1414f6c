package org.pocketsim.engine.memory;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Which new blocks of a mask larger than the cache are admitted: a uniform random subset drawn
 * from the cache's seeded admission stream. Shared by both step paths of {@link WeightCache}, so
 * they consume the same draws and admit the same blocks. Scratch allocated on the first use.
 */
final class RandomAdmission {

    private final SplittableRandom stream;
    private final int maxBlocks;
    private int[] positions = new int[0];
    private int[] chosen = new int[0];
    private int chosenStamp;

    RandomAdmission(SplittableRandom stream, int maxBlocks) {
        this.stream = stream;
        this.maxBlocks = maxBlocks;
    }

    /**
     * Moves a uniform random {@code k}-subset of {@code fresh[0..count)} to its front, in the
     * order it had: a partial Fisher-Yates shuffle of positions (the same draws, so the same
     * subset, as shuffling the blocks themselves), then one pass that keeps the chosen positions
     * in order, O(count) and no sort.
     */
    void chooseSubset(int[] fresh, int count, int k) {
        if (positions.length == 0) {
            positions = new int[maxBlocks];
            chosen = new int[maxBlocks];
        }
        for (int i = 0; i < count; i++) positions[i] = i;
        for (int i = 0; i < k; i++) {
            int j = i + stream.nextInt(count - i);
            int swap = positions[i];
            positions[i] = positions[j];
            positions[j] = swap;
        }
        if (++chosenStamp == 0) {
            Arrays.fill(chosen, 0);
            chosenStamp = 1;
        }
        for (int i = 0; i < k; i++) chosen[positions[i]] = chosenStamp;
        int out = 0;
        for (int p = 0; p < count; p++) {
            if (chosen[p] == chosenStamp) fresh[out++] = fresh[p];
        }
    }
}

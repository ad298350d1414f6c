package org.pocketsim.kernel.sparsity;

/**
 * Caller-owned result of masking one MLP layer for one token, reused across calls: the up/gate
 * input columns read (one mask shared by up and gate, as in the reference when no separate gate
 * mask is given), the down input columns read, cache hits among them, and quality proxies.
 */
public final class MlpMask {

    final int[] upColumns;
    final int[] downColumns;
    int upCount;
    int downCount;
    int upHits;
    int downHits;
    double upNormKept;
    double downNormKept;
    double outputRelError;
    boolean downScoredOnPrunedGlu;

    /** A holder for an MLP with {@code hidden} inputs and {@code intermediate} GLU width. */
    public MlpMask(int hidden, int intermediate) {
        upColumns = new int[hidden];
        downColumns = new int[intermediate];
    }

    /** Up/gate input columns kept, ascending, valid in {@code [0, upCount())}; do not modify. */
    public int[] upColumns() { return upColumns; }

    public int upCount() { return upCount; }

    /** Down input columns kept, ascending, valid in {@code [0, downCount())}; do not modify. */
    public int[] downColumns() { return downColumns; }

    public int downCount() { return downCount; }

    /** Up/gate columns of the mask resident in the up cache, or -1 when no cache view was given. */
    public int upHits() { return upHits; }

    /** Down columns of the mask resident in the down cache, or -1 when no cache view was given. */
    public int downHits() { return downHits; }

    /** ||x_kept|| / ||x|| of the MLP input (1 when x is all zero). */
    public double upNormKept() { return upNormKept; }

    /** ||h_kept|| / ||h|| of the GLU activation the down mask was scored on (1 when h is all zero). */
    public double downNormKept() { return downNormKept; }

    /** ||y_pruned - y_dense|| / ||y_dense|| of the MLP output, or NaN without weights. */
    public double outputRelError() { return outputRelError; }

    /** True when down was scored on the GLU of the pruned up/gate (weights given), false when on the trace's dense down_in. */
    public boolean downScoredOnPrunedGlu() { return downScoredOnPrunedGlu; }
}

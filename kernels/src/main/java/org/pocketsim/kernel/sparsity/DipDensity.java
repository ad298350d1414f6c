package org.pocketsim.kernel.sparsity;

/**
 * Column densities of DIP for one MLP: the share of up/gate input columns kept (selected by
 * |MLP input|) and the share of down input columns kept (selected by |GLU activation|).
 *
 * <p>Column counts follow the reference's {@code build_topk_binarization}:
 * {@code k = int(keep * width)}, i.e. rounded down.
 *
 * @param upKeep   share of the {@code hidden} input columns of up and gate kept, in [0, 1]
 * @param downKeep share of the {@code intermediate} input columns of down kept, in [0, 1]
 */
public record DipDensity(double upKeep, double downKeep) {

    /** Slope of the "optimised DIP" split in logit space (papers.md §1.3, full precision). */
    public static final double OPTIMISED_SLOPE = 0.9849930711017189;
    /** Offset of the "optimised DIP" split in logit space (papers.md §1.3, full precision). */
    public static final double OPTIMISED_OFFSET = 0.29976477589716316;

    public DipDensity {
        if (!(upKeep >= 0 && upKeep <= 1)) throw new IllegalArgumentException("upKeep must be in [0, 1], got " + upKeep);
        if (!(downKeep >= 0 && downKeep <= 1)) throw new IllegalArgumentException("downKeep must be in [0, 1], got " + downKeep);
    }

    /**
     * One overall MLP weight density split by the published "optimised DIP" rule:
     * {@code up_keep = sigmoid(0.98499 * logit(keep) + 0.29976)},
     * {@code down_keep = 3 * (keep - 2/3 * up_keep)}, so that {@code (2 up_keep + down_keep) / 3 = keep}.
     */
    public static DipDensity optimised(double keep) {
        if (!(keep > 0 && keep < 1)) throw new IllegalArgumentException("optimised DIP keep must be in (0, 1), got " + keep);
        double logit = Math.log(keep / (1 - keep));
        double up = 1 / (1 + Math.exp(-(OPTIMISED_SLOPE * logit + OPTIMISED_OFFSET)));
        double down = 3 * (keep - 2.0 / 3.0 * up);
        if (down < 0 || down > 1) {
            throw new IllegalArgumentException("optimised DIP keep " + keep + " gives down_keep " + down + " outside [0, 1]");
        }
        return new DipDensity(up, down);
    }

    /** GLU pruning baseline: up and gate dense, down columns by top-k of |GLU activation|. */
    public static DipDensity gluPruning(double downKeep) {
        return new DipDensity(1.0, downKeep);
    }

    /** Up/gate columns kept for a layer with {@code hidden} inputs: {@code int(upKeep * hidden)}. */
    public int upColumns(int hidden) {
        return (int) (upKeep * hidden);
    }

    /** Down columns kept for a layer with {@code intermediate} inputs: {@code int(downKeep * intermediate)}. */
    public int downColumns(int intermediate) {
        return (int) (downKeep * intermediate);
    }

    /** MLP weight density implied when up and gate share the up mask: {@code (2 upKeep + downKeep) / 3}. */
    public double weightDensity() {
        return (2 * upKeep + downKeep) / 3;
    }
}

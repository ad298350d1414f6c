package org.pocketsim.kernel.quant;

/** How the range of a segment is chosen before its scale is derived. */
public enum RangeSetting {
    /** The segment's largest magnitude (min and max for asymmetric grids): nothing is clipped. */
    ABSMAX,
    /**
     * The clipping range that minimises the segment's MSE, searched over {@code alpha * absmax}
     * for alpha = 0.01, 0.02, ..., 1 (or over power-of-two scales when those are required).
     */
    MSE
}

package org.pocketsim.kernel.gemv;

/**
 * How a weight matrix {@code W} (rows = output features, cols = input features) is cut into
 * stored lines, each encoded on its own (own blocks, own scales).
 */
public enum Layout {
    /** One line per output row: the reduction runs along a line (dense GEMV). */
    ROWS,
    /** One line per input column: the unit DIP reads or skips, and the unit a column cache holds. */
    COLUMNS
}

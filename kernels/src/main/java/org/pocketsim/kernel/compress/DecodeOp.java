package org.pocketsim.kernel.compress;

/**
 * Classes of work a GEMV does per weight besides (or instead of) the multiply-add, in lane
 * operations (one lane of a SIMD or vector instruction). What each costs on a unit is the
 * engine's business (rates per unit and op); here they are only counted.
 */
public enum DecodeOp {
    /** Multiply-accumulate in the compute format (1 per weight in a dense GEMV). */
    MAC,
    /** Extracting a packed code or index (shift and mask; sign and shift bits of E8P). */
    UNPACK,
    /** Applying a group scale to a partial sum (one multiply per group and output). */
    SCALE,
    /** A lookup in a table held in registers (NF4 levels, codebooks of at most 64 bytes: NEON TBL, HVX vlut). */
    LUT,
    /** A load from a table or vector in L1 / on-chip SRAM by index: a codeword of a large codebook, an activation picked by a sparse position. */
    GATHER,
    /** An addition on decoded values: summing AQLM codewords, E8P's sign flip and 1/4 shift. */
    ADD,
    /** Adding or subtracting an activation in place of a multiply-add (ternary weights). */
    ACCUMULATE
}

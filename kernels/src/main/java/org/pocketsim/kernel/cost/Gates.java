package org.pocketsim.kernel.cost;

/**
 * Gate-count primitives in two-input-gate equivalents, transcribed from Appendix B of van
 * Baalen et al., "FP8 versus INT8 for efficient deep learning inference" (arXiv 2303.17951).
 * Area and power are taken as proportional to these counts.
 */
public final class Gates {
    /** [N]AND2 / [N]OR2. */
    public static final int AND2 = 1;
    public static final int OR2 = 1;
    /** AO[I]21 / OA[I]21. */
    public static final int AO21 = 2;
    /** MUX2, X[N]OR2, half adder. */
    public static final int MUX2 = 3;
    public static final int XOR2 = 3;
    public static final int HA = 3;
    /** Full adder = 2 HA + OR2. */
    public static final int FA = 2 * HA + OR2;
    /** Non-scan flip-flop = 2 MUX2. */
    public static final int FF = 2 * MUX2;

    private Gates() {
    }

    /** N-bit adder: (N-1) FA + HA. */
    public static int add(int n) {
        return (n - 1) * FA + HA;
    }

    /** N-bit incrementer: N HA. */
    public static int increment(int n) {
        return n * HA;
    }

    /** N x N multiplier: N^2 AND2 partial-product bits plus (N-1)^2 FA + (N-1) HA reduction. */
    public static int multiply(int n) {
        return n * n * AND2 + (n - 1) * (n - 1) * FA + (n - 1) * HA;
    }

    /**
     * P x Q multiplier: P Q AND2 partial-product bits plus (P-1)(Q-1) FA + (min(P,Q)-1) HA. Not
     * in Appendix B as such: its N x N formula with the rectangle's counts (every FA removes one
     * of the P Q partial-product bits down to the P + Q result bits, which gives (P-1)(Q-1)
     * exactly as it gives (N-1)^2; the HA row is assumed as long as the shorter side).
     */
    public static int multiply(int p, int q) {
        return p * q * AND2 + (p - 1) * (q - 1) * FA + (Math.min(p, q) - 1) * HA;
    }

    /** N-bit left shift by [0, k]: N ceil(log2(k+1)) MUX2 - k (MUX2 - AND2). */
    public static int leftShift(int n, int k) {
        return n * stages(k) * MUX2 - k * (MUX2 - AND2);
    }

    /** N-bit signed right shift by [0, k]: (N-1) ceil(log2(k+1)) MUX2. */
    public static int signedRightShift(int n, int k) {
        return (n - 1) * stages(k) * MUX2;
    }

    /** N-bit widening left shift by [0, k]: (N-2) ceil(log2(k+1)) MUX2 + k (MUX2 + AND2). */
    public static int widenLeftShift(int n, int k) {
        return (n - 2) * stages(k) * MUX2 + k * (MUX2 + AND2);
    }

    /**
     * N-bit leading-zero detector. Not in Appendix B: assumed one OR2 (zero-prefix chain) and
     * one MUX2 (count encoding) per bit, (N-1) (OR2 + MUX2).
     */
    public static int leadingZeroDetect(int n) {
        return (n - 1) * (OR2 + MUX2);
    }

    /** N flip-flops. */
    public static int flipFlops(int n) {
        return n * FF;
    }

    /** ceil(log2(k + 1)): mux stages of a shifter by [0, k]. */
    static int stages(int k) {
        return 32 - Integer.numberOfLeadingZeros(k);
    }
}

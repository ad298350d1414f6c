package org.pocketsim.kernel.work;

/** What the bytes a kernel reads are: lets reports split traffic into weights, metadata and state. */
public enum Region {
    /** Weight payload (quantised codes, dense or sparse values). */
    WEIGHTS,
    /** Quantisation scales and zero points (per group, per channel, per MX block). */
    SCALES,
    /** Sparsity index metadata (N:M positions, outlier coordinates). */
    INDICES,
    /** Vector-quantisation codebooks and lookup tables. */
    CODEBOOKS,
    /** Input and output activation vectors. */
    ACTIVATIONS,
    /** Attention key/value cache. */
    KV;

    static final int COUNT = values().length;
}

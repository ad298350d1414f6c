package org.pocketsim.engine.component;

/** Phase of generation, which sets how well a MAC array is utilised (prefill GEMM vs decode GEMV). */
public enum Stage {
    PREFILL,
    DECODE
}

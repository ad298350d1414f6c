package org.pocketsim.engine.compute;

/**
 * Whether a decode run prices the decode work of its weight format, and on which path
 * ({@code decodeWork:} of a decode run): {@code none} (the default: one MAC per weight, as before),
 * {@code software} (today's CPU SIMD and NPU vector unit) or {@code hardware} (NPU design options:
 * a codebook LUT unit, an adder tree for ternary weights, sparse selection; not facts about a shipping NPU).
 */
public enum DecodeWorkPath {
    NONE, SOFTWARE, HARDWARE
}

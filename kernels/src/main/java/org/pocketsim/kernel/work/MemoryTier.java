package org.pocketsim.kernel.work;

/** Memory tier a kernel reads bytes from; the engine prices each tier with its own bandwidth and energy. */
public enum MemoryTier {
    /** Main memory (LPDDR). */
    DRAM,
    /** Storage (UFS flash), read when weights are streamed rather than resident. */
    FLASH,
    /** On-chip SRAM / caches of the compute unit. */
    ON_CHIP;

    static final int COUNT = values().length;
}

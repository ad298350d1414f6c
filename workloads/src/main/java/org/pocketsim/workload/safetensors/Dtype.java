package org.pocketsim.workload.safetensors;

/** Element types PocketSim reads and writes in safetensors files, with their header names and sizes. */
public enum Dtype {
    F16(2, true),
    BF16(2, true),
    F32(4, true),
    I32(4, false);

    private final int sizeBytes;
    private final boolean floating;

    Dtype(int sizeBytes, boolean floating) {
        this.sizeBytes = sizeBytes;
        this.floating = floating;
    }

    public int sizeBytes() {
        return sizeBytes;
    }

    /** Whether rows of this type decode into {@code float[]} (otherwise into {@code int[]}). */
    public boolean isFloating() {
        return floating;
    }

    /** The dtype named {@code name} in a header, or null when PocketSim does not support it. */
    public static Dtype fromHeaderName(String name) {
        for (Dtype d : values()) {
            if (d.name().equals(name)) return d;
        }
        return null;
    }
}

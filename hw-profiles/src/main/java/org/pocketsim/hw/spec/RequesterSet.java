package org.pocketsim.hw.spec;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The set of compute units streaming from DRAM at the same time; achievable bandwidth depends on
 * it (PowerInfer-2 measured 43.9 / 56 / 59.6 GB/s for cpu / npu / cpu+npu on Snapdragon 8 Gen 3).
 * The GPU streams alone ({@link #GPU}); only profiles with a GPU give its bandwidth.
 */
public enum RequesterSet {
    @JsonProperty("cpu") CPU("cpu"),
    @JsonProperty("npu") NPU("npu"),
    @JsonProperty("cpu+npu") CPU_NPU("cpu+npu"),
    @JsonProperty("gpu") GPU("gpu");

    private final String key;

    RequesterSet(String key) {
        this.key = key;
    }

    /** The set made of one requester alone. */
    public static RequesterSet of(Requester requester) {
        return switch (requester) {
            case CPU -> CPU;
            case NPU -> NPU;
            case GPU -> GPU;
        };
    }

    /** Whether every profile must give this set's bandwidth (or a fraction of peak): all but the GPU's. */
    public boolean required() {
        return this != GPU;
    }

    @Override
    public String toString() {
        return key;
    }
}

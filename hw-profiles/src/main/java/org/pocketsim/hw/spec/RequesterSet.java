package org.pocketsim.hw.spec;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The set of compute units streaming from DRAM at the same time; achievable bandwidth depends on
 * it (PowerInfer-2 measured 43.9 / 56 / 59.6 GB/s for cpu / npu / cpu+npu on Snapdragon 8 Gen 3).
 */
public enum RequesterSet {
    @JsonProperty("cpu") CPU("cpu"),
    @JsonProperty("npu") NPU("npu"),
    @JsonProperty("cpu+npu") CPU_NPU("cpu+npu");

    private final String key;

    RequesterSet(String key) {
        this.key = key;
    }

    /** The set made of one requester alone. */
    public static RequesterSet of(Requester requester) {
        return requester == Requester.CPU ? CPU : NPU;
    }

    @Override
    public String toString() {
        return key;
    }
}

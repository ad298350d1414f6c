package org.pocketsim.hw.spec;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A compute unit that issues memory traffic and runs kernels. */
public enum Requester {
    @JsonProperty("cpu") CPU,
    @JsonProperty("npu") NPU,
    /** A GPU running kernels as MAC arrays at its clock (profiles with a {@code gpu} section). */
    @JsonProperty("gpu") GPU;

    @Override
    public String toString() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}

package org.pocketsim.workload.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** MLP activation; gated activations have a gate projection beside up and down. */
public enum Activation {
    /** SiLU-gated linear unit: down(silu(gate x) * up x). */
    @JsonProperty("swiglu") SWIGLU(true),
    /** GELU-gated linear unit. */
    @JsonProperty("geglu") GEGLU(true),
    /** Plain GELU MLP: down(gelu(up x)). */
    @JsonProperty("gelu") GELU(false),
    /** Plain ReLU MLP (OPT): down(relu(up x)). */
    @JsonProperty("relu") RELU(false);

    private final boolean gated;

    Activation(boolean gated) {
        this.gated = gated;
    }

    /** Whether the MLP has a gate projection (three matrices instead of two). */
    public boolean gated() {
        return gated;
    }
}

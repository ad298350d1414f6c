package org.pocketsim.workload.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Normalisation of queries and keys inside attention (QK-norm), if any. */
public enum QkNorm {
    /** No QK-norm (most models). */
    @JsonProperty("none") NONE,
    /** One norm over head_dim shared by all heads, for q and for k (Qwen3). */
    @JsonProperty("per-head") PER_HEAD,
    /** One norm over the whole q projection and one over the whole k projection (OLMoE). */
    @JsonProperty("full") FULL
}

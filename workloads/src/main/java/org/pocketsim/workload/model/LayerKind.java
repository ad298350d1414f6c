package org.pocketsim.workload.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How one decoder layer mixes tokens: the model's attention block, or its linear-attention (recurrent) block. */
public enum LayerKind {
    /** The {@code attention} block (MHA, GQA or MLA): a KV cache that grows by one token per token. */
    @JsonProperty("full") FULL,
    /** The {@code linearAttention} block: a fixed recurrent state read and written every token, no KV cache. */
    @JsonProperty("linear") LINEAR
}

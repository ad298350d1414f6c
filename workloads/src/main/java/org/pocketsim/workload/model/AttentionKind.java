package org.pocketsim.workload.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How attention projects and caches keys and values. */
public enum AttentionKind {
    /** Multi-head: as many KV heads as query heads. */
    @JsonProperty("mha") MHA,
    /** Grouped-query: fewer KV heads than query heads. */
    @JsonProperty("gqa") GQA,
    /** Multi-head latent attention (DeepSeek-V2): a compressed latent KV plus a shared RoPE key is cached. */
    @JsonProperty("mla") MLA
}

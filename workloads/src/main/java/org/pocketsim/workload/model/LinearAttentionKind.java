package org.pocketsim.workload.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Family of a linear-attention (recurrent) layer; decides its projections and per-head vectors. */
public enum LinearAttentionKind {
    /**
     * Gated DeltaNet as in Qwen3-Next (HF transformers {@code Qwen3NextGatedDeltaNet}): projections
     * {@code in_proj_qkvz} [2 key + 2 value widths x hidden] and {@code in_proj_ba} [2 value heads x hidden],
     * a depthwise causal conv over q, k and v without bias, {@code dt_bias} and {@code A_log} per value
     * head, a gated RMSNorm over one value head, and {@code out_proj} [hidden x value width].
     */
    @JsonProperty("gated-deltanet") GATED_DELTANET
}

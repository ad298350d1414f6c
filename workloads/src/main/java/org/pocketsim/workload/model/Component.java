package org.pocketsim.workload.model;

/** Parts of a model that parameter counts and memory footprints are broken into. */
public enum Component {
    /** Token (and learned position) embedding tables. */
    EMBEDDING,
    /** Attention projections with their biases and QK/latent norms. */
    ATTENTION,
    /** Dense MLPs (all layers of a dense model, the first dense layers of an MoE model). */
    DENSE_MLP,
    /** Routed experts of all MoE layers. */
    ROUTED_EXPERTS,
    /** Shared experts and their gates. */
    SHARED_EXPERTS,
    /** Router projections. */
    ROUTERS,
    /** Per-layer input/post-attention norms and the final norm. */
    NORMS,
    /** Output projection to the vocabulary (zero when tied to the embedding). */
    LM_HEAD
}

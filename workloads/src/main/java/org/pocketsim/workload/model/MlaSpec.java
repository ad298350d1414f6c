package org.pocketsim.workload.model;

/**
 * Dimensions of multi-head latent attention (DeepSeek-V2 family), as in the HF config.
 *
 * @param qLoraRank      rank of the query down-projection, 0 when queries are projected directly
 * @param kvLoraRank     width of the cached latent KV vector
 * @param qkNopeHeadDim  per-head query/key width without rotary embedding
 * @param qkRopeHeadDim  per-head query/key rotary width (the key part is shared and cached)
 * @param vHeadDim       per-head value width
 */
public record MlaSpec(int qLoraRank, int kvLoraRank, int qkNopeHeadDim, int qkRopeHeadDim, int vHeadDim) {

    public MlaSpec {
        if (qLoraRank < 0) throw new IllegalArgumentException("mla.qLoraRank must be >= 0, got " + qLoraRank);
        Checks.positive("mla.kvLoraRank", kvLoraRank, Checks.MAX_WIDTH);
        Checks.positive("mla.qkNopeHeadDim", qkNopeHeadDim, Checks.MAX_COUNT);
        Checks.positive("mla.qkRopeHeadDim", qkRopeHeadDim, Checks.MAX_COUNT);
        Checks.positive("mla.vHeadDim", vHeadDim, Checks.MAX_COUNT);
    }

    /** Values cached per token per layer: the latent KV plus the shared rotary key. */
    public int kvValuesPerToken() {
        return kvLoraRank + qkRopeHeadDim;
    }

    /** Per-head query/key width (nope + rope). */
    public int qkHeadDim() {
        return qkNopeHeadDim + qkRopeHeadDim;
    }
}

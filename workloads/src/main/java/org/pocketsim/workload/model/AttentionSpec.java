package org.pocketsim.workload.model;

import org.pocketsim.hw.config.ConfigOptional;

/**
 * Attention block of a decoder layer.
 *
 * @param kind          MHA, GQA or MLA
 * @param heads         query heads
 * @param kvHeads       key/value heads (equal to heads for MHA and MLA)
 * @param headDim       per-head query/key width (for MLA: nope + rope)
 * @param slidingWindow tokens a query attends to and the KV cache keeps, 0 for full attention
 * @param qkvBias       whether q, k and v projections carry biases (Qwen1.5, OPT, Phi-3.5-MoE)
 * @param outBias       whether the output projection carries a bias (OPT, Phi-3.5-MoE)
 * @param qkNorm        QK-norm, if any
 * @param mla           latent-attention dimensions, present exactly when kind is MLA (left out otherwise)
 * @param outputGate    whether the query projection also yields a sigmoid gate per output value, doubling
 *                      its width (Qwen3-Next's gated attention); optional, default false
 */
public record AttentionSpec(AttentionKind kind, int heads, int kvHeads, int headDim, int slidingWindow,
                            boolean qkvBias, boolean outBias, QkNorm qkNorm, @ConfigOptional MlaSpec mla,
                            @ConfigOptional Boolean outputGate) {

    public AttentionSpec {
        outputGate = Boolean.TRUE.equals(outputGate);
        Checks.required("attention.kind", kind);
        Checks.required("attention.qkNorm", qkNorm);
        Checks.positive("attention.heads", heads, Checks.MAX_COUNT);
        Checks.positive("attention.kvHeads", kvHeads, Checks.MAX_COUNT);
        Checks.positive("attention.headDim", headDim, Checks.MAX_COUNT);
        Checks.nonNegative("attention.slidingWindow", slidingWindow);
        switch (kind) {
            case MHA -> {
                if (kvHeads != heads) throw new IllegalArgumentException(
                        "attention.kvHeads must equal heads for mha, got " + kvHeads + " vs " + heads);
            }
            case GQA -> {
                if (kvHeads >= heads || heads % kvHeads != 0) throw new IllegalArgumentException(
                        "attention.kvHeads must divide heads and be smaller for gqa, got " + kvHeads + " of " + heads);
            }
            case MLA -> {
                Checks.required("attention.mla", mla);
                if (kvHeads != heads) throw new IllegalArgumentException("attention.kvHeads must equal heads for mla");
                if (headDim != mla.qkHeadDim()) throw new IllegalArgumentException(
                        "attention.headDim must be mla qkNopeHeadDim + qkRopeHeadDim = " + mla.qkHeadDim() + ", got " + headDim);
            }
        }
        if (kind != AttentionKind.MLA && mla != null) {
            throw new IllegalArgumentException("attention.mla is only allowed with kind mla");
        }
        if (outputGate && kind == AttentionKind.MLA) {
            throw new IllegalArgumentException("attention.outputGate is not modelled for kind mla");
        }
    }

    /** Query heads per KV head (llama.cpp's {@code n_gqa()}): 1 for MHA and MLA. */
    public int queriesPerKvHead() {
        return heads / kvHeads;
    }

    /** Values cached per token in one layer: keys and values of every KV head, or the MLA latent. */
    public int kvValuesPerToken() {
        return kind == AttentionKind.MLA ? mla.kvValuesPerToken() : 2 * kvHeads * headDim;
    }

    /** Width of the concatenated attention output that the output projection reads. */
    public int outputWidth() {
        return kind == AttentionKind.MLA ? heads * mla.vHeadDim() : heads * headDim;
    }
}

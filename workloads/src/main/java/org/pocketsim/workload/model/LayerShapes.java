package org.pocketsim.workload.model;

import java.util.List;

/**
 * What the decode pipeline needs of one decoder layer: the attention projections, the MLP
 * (dense or mixture of experts) as [out x in] matrices, and the KV values cached per token.
 *
 * @param layer                layer index
 * @param attentionProjections attention matrices in execution order (q, k, v, o; for MLA q or q_a/q_b, kv_a, kv_b, o)
 * @param dense                dense MLP, null in an MoE layer
 * @param moe                  experts, null in a dense layer
 * @param kvValuesPerToken     values the KV cache holds per token for this layer
 */
public record LayerShapes(int layer, List<MatrixShape> attentionProjections, FfnShapes dense,
                          MoeLayerShapes moe, int kvValuesPerToken) {

    public LayerShapes {
        attentionProjections = List.copyOf(attentionProjections);
        if ((dense == null) == (moe == null)) {
            throw new IllegalArgumentException("layer " + layer + " must be either dense or MoE");
        }
    }

    /** Whether this layer routes tokens to experts. */
    public boolean isMoe() {
        return moe != null;
    }

    /** Weights of the attention matrices of this layer. */
    public long attentionMatrixParams() {
        long sum = 0;
        for (MatrixShape m : attentionProjections) sum += m.params();
        return sum;
    }
}

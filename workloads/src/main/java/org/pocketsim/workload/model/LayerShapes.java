package org.pocketsim.workload.model;

import java.util.List;

/**
 * What the decode pipeline needs of one decoder layer: the token mixer's projections, the MLP
 * (dense or mixture of experts) as [out x in] matrices, the KV values cached per token (full
 * layers) or the fixed recurrent state (linear layers).
 *
 * @param layer                layer index
 * @param kind                 full attention or linear attention
 * @param attentionProjections token-mixer matrices in execution order (q, k, v, o; for MLA q or q_a/q_b, kv_a,
 *                             kv_b, o; for gated DeltaNet in_qkvz, in_ba, out)
 * @param dense                dense MLP, null in an MoE layer
 * @param moe                  experts, null in a dense layer
 * @param kvValuesPerToken     values the KV cache holds per token for this layer (0 in a linear layer)
 * @param stateValues          values of the recurrent state and conv inputs a linear layer keeps (0 in a full layer)
 * @param mixerMacsPerToken    MACs per token of a linear layer besides its projections (0 in a full layer)
 */
public record LayerShapes(int layer, LayerKind kind, List<MatrixShape> attentionProjections, FfnShapes dense,
                          MoeLayerShapes moe, int kvValuesPerToken, long stateValues, long mixerMacsPerToken) {

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

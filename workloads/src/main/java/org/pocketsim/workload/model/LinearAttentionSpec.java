package org.pocketsim.workload.model;

import java.util.List;

/**
 * Linear-attention (recurrent) block of the layers a {@link LayerLayout} marks {@code linear}.
 * Instead of a KV cache such a layer keeps, per sequence, a recurrent state of
 * {@code valueHeads x keyHeadDim x valueHeadDim} values plus the last {@code convKernel - 1}
 * inputs of its causal convolution; both have a fixed size, so a token's reads, writes and
 * MACs do not depend on how many tokens came before.
 *
 * @param kind         family (projection layout and per-head vectors)
 * @param keyHeads     query/key heads (HF {@code linear_num_key_heads})
 * @param valueHeads   value heads, a multiple of keyHeads (HF {@code linear_num_value_heads})
 * @param keyHeadDim   per-head query/key width: the state's rows per head (HF {@code linear_key_head_dim})
 * @param valueHeadDim per-head value width: the state's columns per head (HF {@code linear_value_head_dim})
 * @param convKernel   taps of the depthwise causal convolution over q, k and v (HF {@code linear_conv_kernel_dim})
 */
public record LinearAttentionSpec(LinearAttentionKind kind, int keyHeads, int valueHeads, int keyHeadDim,
                                  int valueHeadDim, int convKernel) {

    /**
     * MACs per recurrent-state value per token of the gated delta rule, counted from its
     * recurrence (HF {@code torch_recurrent_gated_delta_rule}): decay the state, read the key's
     * memory, add the rank-one update, read out with the query: four multiply(-add)s per value.
     */
    public static final int DELTA_RULE_MACS_PER_STATE_VALUE = 4;

    public LinearAttentionSpec {
        Checks.required("linearAttention.kind", kind);
        Checks.positive("linearAttention.keyHeads", keyHeads, Checks.MAX_COUNT);
        Checks.positive("linearAttention.valueHeads", valueHeads, Checks.MAX_COUNT);
        Checks.positive("linearAttention.keyHeadDim", keyHeadDim, Checks.MAX_COUNT);
        Checks.positive("linearAttention.valueHeadDim", valueHeadDim, Checks.MAX_COUNT);
        Checks.positive("linearAttention.convKernel", convKernel, Checks.MAX_COUNT);
        if (valueHeads % keyHeads != 0) throw new IllegalArgumentException(
                "linearAttention.valueHeads " + valueHeads + " must be a multiple of keyHeads " + keyHeads);
    }

    /** Width of all query (or key) heads together. */
    public int keyWidth() {
        return keyHeads * keyHeadDim;
    }

    /** Width of all value heads together (the output projection's input). */
    public int valueWidth() {
        return valueHeads * valueHeadDim;
    }

    /** Channels of the causal convolution: q, k and v. */
    public int convChannels() {
        return 2 * keyWidth() + valueWidth();
    }

    /** Projection matrices of one layer, in execution order. */
    public List<MatrixShape> projections(int hidden) {
        return switch (kind) {
            case GATED_DELTANET -> List.of(
                    new MatrixShape("in_qkvz", 2 * keyWidth() + 2 * valueWidth(), hidden),
                    new MatrixShape("in_ba", 2 * valueHeads, hidden),
                    new MatrixShape("out", hidden, valueWidth()));
        };
    }

    /** Parameters of one layer kept at 16 bits: conv taps, per-head decay vectors, the gated norm. */
    public long vectorParams(NormKind norm) {
        return switch (kind) {
            case GATED_DELTANET -> (long) convChannels() * convKernel + 2L * valueHeads + norm.params(valueHeadDim);
        };
    }

    /** Values of the recurrent state plus the convolution's kept inputs, per layer and sequence. */
    public long stateValues() {
        return (long) valueHeads * keyHeadDim * valueHeadDim + (long) convChannels() * (convKernel - 1);
    }

    /** MACs per token besides the projections: the convolution and the state update and read-out. */
    public long mixerMacsPerToken() {
        return switch (kind) {
            case GATED_DELTANET -> (long) convChannels() * convKernel
                    + (long) DELTA_RULE_MACS_PER_STATE_VALUE * valueHeads * keyHeadDim * valueHeadDim;
        };
    }
}

package org.pocketsim.workload.model;

import org.pocketsim.hw.config.ConfigOptional;
import org.pocketsim.hw.config.FieldException;

import java.util.List;

/**
 * Mixture-of-experts MLP of a model.
 *
 * @param experts            routed experts per MoE layer
 * @param topK               routed experts chosen per token
 * @param expertIntermediate intermediate width of one routed expert
 * @param sharedExperts      experts every token uses (DeepSeek: 2, Qwen1.5-MoE: 1)
 * @param sharedIntermediate intermediate width of one shared expert (0 without shared experts)
 * @param sharedExpertGate   whether a sigmoid gate (a hidden-to-1 projection) scales the shared output (Qwen1.5-MoE)
 * @param denseLayers        first layers that use a dense MLP of the model's intermediate width instead
 *                           (DeepSeek's {@code first_k_dense_replace})
 * @param denseLayerIndices  further dense layers by index, ascending, each at or above {@code denseLayers}
 *                           (Qwen's {@code mlp_only_layers}); optional, default none
 */
public record MoeSpec(int experts, int topK, int expertIntermediate, int sharedExperts, int sharedIntermediate,
                      boolean sharedExpertGate, int denseLayers, @ConfigOptional List<Integer> denseLayerIndices) {

    public MoeSpec {
        Checks.positive("moe.experts", experts, Checks.MAX_COUNT);
        Checks.positive("moe.topK", topK, Checks.MAX_COUNT);
        Checks.positive("moe.expertIntermediate", expertIntermediate, Checks.MAX_WIDTH);
        Checks.nonNegative("moe.sharedExperts", sharedExperts, Checks.MAX_COUNT);
        Checks.nonNegative("moe.sharedIntermediate", sharedIntermediate, Checks.MAX_WIDTH);
        Checks.nonNegative("moe.denseLayers", denseLayers, Checks.MAX_LAYERS);
        if (topK > experts) throw new IllegalArgumentException("moe.topK " + topK + " exceeds moe.experts " + experts);
        if ((sharedExperts == 0) != (sharedIntermediate == 0)) throw new IllegalArgumentException(
                "moe.sharedIntermediate must be positive exactly when moe.sharedExperts is, got "
                        + sharedExperts + " shared of width " + sharedIntermediate);
        if (sharedExpertGate && sharedExperts == 0) throw new IllegalArgumentException(
                "moe.sharedExpertGate needs shared experts");
        denseLayerIndices = denseLayerIndices == null ? List.of() : List.copyOf(denseLayerIndices);
        for (int i = 0; i < denseLayerIndices.size(); i++) {
            int l = denseLayerIndices.get(i);
            if (l < denseLayers) throw new FieldException("denseLayerIndices[" + i + "]", "layer " + l
                    + " is already dense as one of the first denseLayers " + denseLayers + "; list only later layers");
            if (i > 0 && l <= denseLayerIndices.get(i - 1)) throw new FieldException("denseLayerIndices[" + i + "]",
                    "layer indices must be ascending and distinct, got " + l + " after " + denseLayerIndices.get(i - 1));
        }
    }

    /** Whether layer {@code layer} uses a dense MLP: one of the first {@code denseLayers} or listed. */
    public boolean isDense(int layer) {
        return layer < denseLayers || denseLayerIndices.contains(layer);
    }
}

package org.pocketsim.workload.model;

/**
 * Matrices of one MoE layer.
 *
 * @param router        [experts x hidden] router projection
 * @param experts       routed experts in the layer
 * @param topK          routed experts chosen per token
 * @param expert        shapes of each routed expert
 * @param sharedExperts experts every token uses
 * @param shared        shapes of each shared expert, null without shared experts
 * @param sharedGate    [1 x hidden] sigmoid gate of the shared output, null when absent
 */
public record MoeLayerShapes(MatrixShape router, int experts, int topK, FfnShapes expert,
                             int sharedExperts, FfnShapes shared, MatrixShape sharedGate) {

    public MoeLayerShapes {
        Checks.required("router", router);
        Checks.required("expert", expert);
        if ((sharedExperts > 0) != (shared != null)) {
            throw new IllegalArgumentException("shared shapes must be present exactly when sharedExperts > 0");
        }
    }
}

package org.pocketsim.workload.model;

/**
 * Matrices of one feed-forward network (a dense MLP, one routed expert or one shared expert).
 *
 * @param up   [intermediate x hidden]
 * @param gate [intermediate x hidden], null for ungated activations
 * @param down [hidden x intermediate]
 */
public record FfnShapes(MatrixShape up, MatrixShape gate, MatrixShape down) {

    public FfnShapes {
        Checks.required("up", up);
        Checks.required("down", down);
    }

    static FfnShapes of(int hidden, int intermediate, boolean gated) {
        return new FfnShapes(new MatrixShape("up", intermediate, hidden),
                gated ? new MatrixShape("gate", intermediate, hidden) : null,
                new MatrixShape("down", hidden, intermediate));
    }

    /** Intermediate width (the number of down-projection input columns). */
    public int intermediate() {
        return down.cols();
    }

    /** Weights of up, gate and down together. */
    public long params() {
        return up.params() + (gate == null ? 0 : gate.params()) + down.params();
    }
}

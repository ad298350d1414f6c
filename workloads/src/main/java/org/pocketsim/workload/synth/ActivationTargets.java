package org.pocketsim.workload.synth;

import org.pocketsim.workload.trace.TensorKind;

/**
 * The |x| distributions a synthetic trace's activations are calibrated to, per layer and
 * tensor: TEAL thresholds ({@link ActivationCalibration#tealTargets}) or quantiles measured on a
 * captured trace ({@link ActivationFitter}).
 */
public interface ActivationTargets {

    /** Target quantiles of |x| for {@code kind} (mlp_in or down_in) of model layer {@code layer}. */
    MagnitudeQuantiles quantiles(int layer, TensorKind kind);

    /** Where the targets come from, for provenance and reports. */
    String origin();
}

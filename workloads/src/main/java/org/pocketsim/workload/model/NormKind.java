package org.pocketsim.workload.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Normalisation layer family; decides how many parameter vectors one norm carries. */
public enum NormKind {
    /** RMSNorm: one weight vector. */
    @JsonProperty("rms") RMS(1),
    /** LayerNorm: weight and bias vectors. */
    @JsonProperty("layer") LAYER(2);

    private final int vectorsPerNorm;

    NormKind(int vectorsPerNorm) {
        this.vectorsPerNorm = vectorsPerNorm;
    }

    /** Parameters of one norm over {@code width} values. */
    public long params(int width) {
        return (long) vectorsPerNorm * width;
    }
}

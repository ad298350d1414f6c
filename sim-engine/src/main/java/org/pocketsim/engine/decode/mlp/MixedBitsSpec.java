package org.pocketsim.engine.decode.mlp;

import org.pocketsim.hw.config.FieldException;

/**
 * Per-expert bit widths (our policy, after mixed-precision MoE work): in each MoE layer the
 * {@code hot} most often chosen experts stay in DRAM at the run's weight format, and the others
 * are stored, on flash and in the layer's cache, in {@code coldWeights}. The cache keeps the bytes
 * of {@code cachedExperts} experts at the run's format, so narrower cold experts let it hold more.
 * Hotness is the plain top-k choice count over the run's own trace (an offline profile of the same
 * text: optimistic, as a calibration set that matches the workload).
 *
 * @param hot          experts per layer pinned at the run's format, at most cachedExperts
 * @param coldWeights  format of the other experts (e.g. int4-g128 under weights: int8)
 */
public record MixedBitsSpec(Integer hot, String coldWeights) {

    public MixedBitsSpec {
        if (hot == null) throw new FieldException("hot", "is required: experts per layer kept at the run's weight format");
        if (hot < 0) throw new FieldException("hot", "must be >= 0, got " + hot);
        if (coldWeights == null || coldWeights.isBlank()) throw new FieldException("coldWeights", "is required, e.g. int4-g128");
    }
}

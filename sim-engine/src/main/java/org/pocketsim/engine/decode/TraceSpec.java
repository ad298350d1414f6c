package org.pocketsim.engine.decode;

import org.pocketsim.hw.config.ConfigOptional;
import org.pocketsim.hw.config.FieldException;

/**
 * Where a run's activations come from: a trace directory (relative to the experiment file), or
 * the seeded synthetic generator calibrated to real activation statistics.
 *
 * @param dir                 trace directory with trace.yaml and tensors.safetensors
 * @param synthetic           whether to generate the trace instead
 * @param channelPersistence  synthetic: how strongly each channel keeps its scale (default of the generator)
 * @param temporalPersistence synthetic: token-to-token correlation (default of the generator)
 * @param seed                synthetic: generator seed (default: the experiment seed, so that every
 *                            point of a sweep sees the same trace and methods compare fairly)
 */
public record TraceSpec(@ConfigOptional String dir, @ConfigOptional Boolean synthetic,
                        @ConfigOptional Double channelPersistence, @ConfigOptional Double temporalPersistence,
                        @ConfigOptional Long seed) {

    public TraceSpec {
        if (synthetic == null) synthetic = Boolean.FALSE;
        if ((dir == null) == !synthetic) {
            throw new FieldException("dir", "give either dir (a trace directory) or synthetic: true");
        }
    }
}

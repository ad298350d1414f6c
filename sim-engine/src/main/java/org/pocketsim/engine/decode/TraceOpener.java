package org.pocketsim.engine.decode;

import org.pocketsim.workload.model.ModelSpec;
import org.pocketsim.workload.synth.SynthParameters;
import org.pocketsim.workload.synth.SyntheticTraces;
import org.pocketsim.workload.synth.TealThresholds;
import org.pocketsim.workload.trace.TraceReader;
import org.pocketsim.workload.trace.TraceSource;

import java.nio.file.Path;

/**
 * Opens the trace a run names: a trace directory relative to the experiment file, or the
 * synthetic generator calibrated to the real TEAL activation thresholds shipped in the jar.
 */
public final class TraceOpener {

    private final TraceSpec spec;
    private final ModelSpec model;
    private final Path baseDir;
    /** Seed of synthetic traces without their own: the experiment's. */
    private final long seed;
    private final int tokens;

    private final boolean activations;

    /**
     * @param activations whether the run needs activations (DIP) rather than routing (MoE):
     *                    a synthetic trace then generates only what is needed
     */
    public TraceOpener(TraceSpec spec, ModelSpec model, Path baseDir, long seed, int tokens, boolean activations) {
        this.activations = activations;
        this.spec = spec;
        this.model = model;
        this.baseDir = baseDir;
        this.seed = seed;
        this.tokens = tokens;
    }

    /** A fresh source positioned at token 0; the caller closes it. */
    public TraceSource open() {
        if (!spec.synthetic()) {
            TraceSource source = TraceReader.open(baseDir.resolve(spec.dir()));
            if (source.info().tokens() < tokens) {
                source.close();
                throw new IllegalArgumentException("trace " + spec.dir() + " has " + source.info().tokens()
                        + " tokens, the run generates " + tokens);
            }
            return source;
        }
        SynthParameters params = SynthParameters.defaults(spec.seed() != null ? spec.seed() : seed, tokens);
        if (spec.channelPersistence() != null || spec.temporalPersistence() != null) {
            params = params.withPersistence(
                    spec.channelPersistence() != null ? spec.channelPersistence() : params.channelPersistence(),
                    spec.temporalPersistence() != null ? spec.temporalPersistence() : params.temporalPersistence());
        }
        return SyntheticTraces.create(model, params.withTensors(activations, !activations), TealThresholds.shipped(), null);
    }
}

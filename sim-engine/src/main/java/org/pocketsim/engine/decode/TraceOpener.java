package org.pocketsim.engine.decode;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.pocketsim.engine.result.TraceProvenance;
import org.pocketsim.workload.model.ModelSpec;
import org.pocketsim.workload.synth.RoutingCalibration;
import org.pocketsim.workload.synth.SynthParameters;
import org.pocketsim.workload.synth.SyntheticTraces;
import org.pocketsim.workload.synth.TealThresholds;
import org.pocketsim.workload.trace.TraceReader;
import org.pocketsim.workload.trace.TraceSource;

import java.nio.file.Path;

/**
 * Opens the trace a run names, once {@link Traces} has checked it: a trace directory relative to
 * the experiment file, or the synthetic generator calibrated to the real TEAL activation
 * thresholds shipped in the jar. Also states the trace's provenance and what identifies its
 * contents, without opening it again.
 */
public final class TraceOpener {

    private final TraceSpec spec;
    private final ModelSpec model;
    private final Path baseDir;
    /** Seed of synthetic traces without their own: the experiment's. */
    private final long seed;
    private final int tokens;
    private final boolean activations;
    /** The checked directory trace, or null for a synthetic one. */
    private final Traces.Checked checked;
    /** A trace held in memory instead of a spec's, or null. */
    private final java.util.function.Supplier<TraceSource> held;
    /** The routing calibration of a synthetic MoE trace, computed once per experiment (null: fit on each open). */
    private final java.util.function.Function<SynthParameters, RoutingCalibration> routing;

    TraceOpener(TraceSpec spec, ModelSpec model, Path baseDir, long seed, int tokens, boolean activations, Traces.Checked checked,
                java.util.function.Function<SynthParameters, RoutingCalibration> routing) {
        this.spec = spec;
        this.model = model;
        this.baseDir = baseDir;
        this.seed = seed;
        this.tokens = tokens;
        this.activations = activations;
        this.checked = checked;
        this.held = null;
        this.routing = routing;
    }

    private TraceOpener(java.util.function.Supplier<TraceSource> held, int tokens) {
        this.spec = null;
        this.model = null;
        this.baseDir = null;
        this.seed = 0;
        this.tokens = tokens;
        this.activations = false;
        this.checked = null;
        this.held = held;
        this.routing = null;
    }

    /** An opener of a trace held in memory (tests, tools): each {@link #open()} calls {@code source}. */
    public static TraceOpener held(java.util.function.Supplier<TraceSource> source, int tokens) {
        return new TraceOpener(source, tokens);
    }

    /** Tokens the run reads from the trace. */
    public int tokens() {
        return tokens;
    }

    /** A fresh source positioned at token 0; the caller closes it. */
    public TraceSource open() {
        if (held != null) return held.get();
        if (checked != null) return TraceReader.open(baseDir.resolve(spec.dir()), false);
        SynthParameters params = SynthParameters.defaults(spec.seed() != null ? spec.seed() : seed, tokens);
        if (spec.channelPersistence() != null || spec.temporalPersistence() != null) {
            params = params.withPersistence(
                    spec.channelPersistence() != null ? spec.channelPersistence() : params.channelPersistence(),
                    spec.temporalPersistence() != null ? spec.temporalPersistence() : params.temporalPersistence());
        }
        params = params.withTensors(activations, !activations);
        RoutingCalibration calibration = routing != null && params.routing() && model.isMoe() ? routing.apply(params) : null;
        return SyntheticTraces.create(model, params, TealThresholds.shipped(), calibration);
    }

    /** Where the trace came from, as the report states it (details sorted, so reports are deterministic). */
    public TraceProvenance provenance() {
        if (checked != null) return TraceProvenance.of(checked.info().provenance().getOrDefault("origin", spec.dir()), checked.info());
        try (TraceSource source = open()) {
            return TraceProvenance.of(source.info().provenance().getOrDefault("origin", "synthetic " + source.info().modelId()), source.info());
        }
    }

    /**
     * What a stored result computed from this trace depends on: the directory's manifest hash
     * and tensor checksum, or the synthetic generator's parameters and seed.
     */
    public ObjectNode digest() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        if (held != null) {
            node.put("held", true);
        } else if (checked != null) {
            node.put("dir", spec.dir());
            node.put("manifestSha256", checked.digest().manifestSha256());
            node.put("tensorsCrc32c", checked.digest().tensorsCrc32c());
            node.put("tensorsBytes", checked.digest().tensorsBytes());
        } else {
            node.put("synthetic", model.id());
            node.put("seed", spec.seed() != null ? spec.seed() : seed);
            node.put("tokens", tokens);
            node.put("activations", activations);
        }
        return node;
    }
}

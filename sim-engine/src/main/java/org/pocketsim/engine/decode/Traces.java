package org.pocketsim.engine.decode;

import org.pocketsim.hw.config.FieldException;
import org.pocketsim.workload.model.ModelSpec;
import org.pocketsim.workload.synth.RoutingCalibration;
import org.pocketsim.workload.synth.SyntheticTraces;
import org.pocketsim.workload.trace.TraceCompatibility;
import org.pocketsim.workload.trace.TraceDigest;
import org.pocketsim.workload.trace.TraceException;
import org.pocketsim.workload.trace.TraceInfo;
import org.pocketsim.workload.trace.TraceReader;
import org.pocketsim.workload.trace.TraceShape;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The traces of one experiment, checked before anything runs. A trace directory is opened once
 * (whatever number of points read it) with every check its reader makes (manifest against
 * tensors, NaN and infinity, expert ids in range and distinct within a token) and digested for
 * the points' stored-result keys; each point then checks that it was recorded for the run's
 * model (id, shape and layers, see {@link TraceCompatibility}) and holds the tokens the run generates. Thread-safe.
 */
public final class Traces implements TraceAccess {

    /** A checked trace directory: its info and digest. */
    record Checked(TraceInfo info, TraceShape shape, TraceDigest digest) {
    }

    private final Path baseDir;
    private final long experimentSeed;
    private final Map<Path, Checked> checked = new ConcurrentHashMap<>();
    /** Routing calibrations of synthetic MoE traces, by model shape and seed: fitted once per experiment. */
    private final Map<String, RoutingCalibration> routing = new ConcurrentHashMap<>();

    /**
     * @param baseDir        folder that relative trace paths start from (the experiment file's)
     * @param experimentSeed seed of synthetic traces that name none
     */
    public Traces(Path baseDir, long experimentSeed) {
        this.baseDir = baseDir;
        this.experimentSeed = experimentSeed;
    }

    /** {@inheritDoc} Errors are {@link FieldException}s on {@code trace.dir}. */
    @Override
    public TraceOpener opener(TraceSpec spec, ModelSpec model, int tokens, boolean activations) {
        if (spec.synthetic()) {
            return new TraceOpener(spec, model, baseDir, experimentSeed, tokens, activations, null, params -> routing.computeIfAbsent(
                    model.id() + "|" + model.layers() + "|" + model.moeLayers() + "|" + model.moe().experts() + "|" + model.moe().topK()
                            + "|" + params.seed() + "|" + params.routingTargets(),
                    k -> SyntheticTraces.defaultRouting(model, params)));
        }
        Path dir = baseDir.resolve(spec.dir()).normalize();
        if (!Files.isDirectory(dir)) throw new FieldException("trace.dir", "no trace directory " + dir);
        Checked trace = checked.computeIfAbsent(dir, Traces::check);
        List<String> problems = TraceCompatibility.check(trace.info(), trace.shape(), model);
        if (!problems.isEmpty()) {
            throw new FieldException("trace.dir", "trace " + spec.dir() + " does not fit the run's model: " + String.join("; ", problems));
        }
        if (trace.info().tokens() < tokens) {
            throw new FieldException("trace.dir", "trace " + spec.dir() + " has " + trace.info().tokens()
                    + " tokens, and the run generates " + tokens);
        }
        return new TraceOpener(spec, model, baseDir, experimentSeed, tokens, activations, trace, null);
    }

    private static Checked check(Path dir) {
        try (TraceReader reader = TraceReader.open(dir)) {
            return new Checked(reader.info(), reader.manifest().shape(), TraceDigest.of(dir));
        } catch (TraceException e) {
            throw new FieldException("trace.dir", e.getMessage());
        }
    }
}

package org.pocketsim.engine.experiment;

import org.pocketsim.engine.PocketSimVersion;
import org.pocketsim.engine.decode.DecodeOutcome;
import org.pocketsim.engine.decode.DecodeRun;
import org.pocketsim.engine.result.TraceProvenance;
import org.pocketsim.workload.trace.TraceInfo;
import org.pocketsim.engine.result.Comparison;
import org.pocketsim.engine.result.ExperimentResult;
import org.pocketsim.engine.result.PointResult;
import org.pocketsim.engine.sweep.PointStore;
import org.pocketsim.engine.sweep.Progress;
import org.pocketsim.engine.sweep.SweepPoint;
import org.pocketsim.engine.sweep.SweepRunner;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs every point of a loaded experiment (in parallel, resumably) and assembles the
 * {@link ExperimentResult}: points, and each published reference beside its prediction.
 */
public final class ExperimentRunner {

    private ExperimentRunner() {
    }

    /**
     * @param stateFile append-only store of finished points; a re-run reuses the points whose
     *                  config hash is already there
     * @param jobs      points run at once
     */
    public static ExperimentResult run(LoadedExperiment experiment, Path stateFile, int jobs, Progress progress) {
        List<SweepPoint> points = experiment.points();
        List<PointResult> results;
        Path baseDir = experiment.file().toAbsolutePath().getParent();
        Map<String, TraceProvenance> traces = new java.util.concurrent.ConcurrentSkipListMap<>();
        try (PointStore store = new PointStore(stateFile)) {
            results = new SweepRunner<>(PointResult.class, jobs).run(points,
                    point -> runChecked(point, experiment, baseDir, traces), store, progress);
        }
        progress.summary();
        ExperimentSpec spec = experiment.spec();
        return new ExperimentResult(spec.id(), spec.title(), spec.question(), experiment.configText(),
                experiment.configHash(), spec.seed(), PocketSimVersion.VERSION, results, List.copyOf(traces.values()),
                comparisons(spec, experiment.runs(), results), List.of(), spec.report());
    }

    /**
     * Runs a point; an input the run cannot use (a trace too short for the run, a router that needs
     * logits the trace lacks) is a configuration error naming the file and the point, not a crash.
     */
    private static PointResult runChecked(SweepPoint point, LoadedExperiment experiment, Path baseDir,
                                          Map<String, TraceProvenance> traces) {
        try {
            return runPoint(point, experiment.runs().get(point.index()), baseDir, experiment.spec().seed(), traces);
        } catch (IllegalArgumentException e) {
            throw new org.pocketsim.hw.config.ConfigException(experiment.file().toString(), 0, 0, "run",
                    e.getMessage() + (experiment.points().size() > 1 ? " (sweep point " + point.index() + ": " + point.label() + ")" : ""));
        }
    }

    /** One point: the decode pipeline on the point's resolved run; records the provenance of its trace. */
    static PointResult runPoint(SweepPoint point, LoadedExperiment.ResolvedRun resolved, Path baseDir, long seed,
                                Map<String, TraceProvenance> traces) {
        DecodeOutcome outcome = new DecodeRun(resolved.soc(), resolved.model(), resolved.run(), baseDir, point.seed(), seed).run();
        if (outcome.trace() != null) {
            TraceInfo info = outcome.trace();
            String label = info.provenance().getOrDefault("origin", info.modelId());
            traces.putIfAbsent(label, new TraceProvenance(label, info.modelId(), info.sourceKind().name().toLowerCase(java.util.Locale.ROOT),
                    info.tokens(), info.provenance()));
        }
        List<String> notes = new ArrayList<>();
        if (!resolved.run().label().isEmpty()) notes.add(resolved.run().label());
        return new PointResult(point.index(), point.hash().substring(0, 16), point.parameters(), outcome.metrics(),
                outcome.series(), notes);
    }

    private static List<Comparison> comparisons(ExperimentSpec spec, List<LoadedExperiment.ResolvedRun> runs, List<PointResult> results) {
        List<Comparison> out = new ArrayList<>();
        for (ReferenceSpec ref : spec.references()) {
            for (int i = 0; i < runs.size(); i++) {
                if (!runs.get(i).run().label().equals(ref.label())) continue;
                PointResult p = results.get(i);
                if (!p.hasMetric(ref.metric())) {
                    throw new IllegalArgumentException("reference '" + ref.label() + "' compares metric '" + ref.metric()
                            + "', which its run does not produce (it has " + p.metrics().keySet() + ")");
                }
                out.add(new Comparison(ref.label(), ref.metric(), p.metric(ref.metric()), ref.published(), ref.unit(), ref.source()));
            }
        }
        return out;
    }
}

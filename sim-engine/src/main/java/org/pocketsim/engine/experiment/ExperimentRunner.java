package org.pocketsim.engine.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import org.pocketsim.engine.analysis.HeadlineSpec;
import org.pocketsim.engine.analysis.ParetoHeadline;
import org.pocketsim.engine.result.ResultTable;

import org.pocketsim.engine.PocketSimVersion;
import org.pocketsim.engine.point.PointOutcome;
import org.pocketsim.engine.point.PreparedPoint;
import org.pocketsim.engine.result.Comparison;
import org.pocketsim.engine.result.ExperimentResult;
import org.pocketsim.engine.result.PointResult;
import org.pocketsim.engine.result.TraceProvenance;
import org.pocketsim.engine.sweep.CanonicalJson;
import org.pocketsim.engine.sweep.LocalPointExecutor;
import org.pocketsim.engine.sweep.PointExecutor;
import org.pocketsim.engine.sweep.PointStore;
import org.pocketsim.engine.sweep.Progress;
import org.pocketsim.engine.sweep.SweepPoint;
import org.pocketsim.engine.sweep.SweepRunner;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Runs every point of a loaded experiment (in parallel, resumably) and assembles the
 * {@link ExperimentResult}: points, the traces they read (also for reused points: provenance
 * comes from the prepared points, not from running them), and each published reference beside
 * its prediction.
 */
public final class ExperimentRunner {

    private ExperimentRunner() {
    }

    /**
     * @param stateFile append-only store of finished points; a re-run reuses the points whose
     *                  key (run tree, resolved inputs, seed, schema) is already there
     * @param jobs      points run at once
     */
    public static ExperimentResult run(LoadedExperiment experiment, Path stateFile, int jobs, Progress progress) {
        return run(experiment, stateFile, new LocalPointExecutor(jobs), progress);
    }

    /**
     * Runs the points that are not stored on {@code executor}: here with the prepared points, or
     * elsewhere with the experiment's {@link LoadedExperiment#remote() recipe}. Points that throw
     * end the run with {@link org.pocketsim.engine.sweep.FailedPointsException} once all others
     * are stored.
     */
    public static ExperimentResult run(LoadedExperiment experiment, Path stateFile, PointExecutor executor, Progress progress) {
        List<SweepPoint> points = experiment.points();
        List<PointResult> results;
        try (PointStore store = new PointStore(stateFile)) {
            results = new SweepRunner<>(PointResult.class, executor).run(points,
                    point -> runPoint(point, experiment.prepared().get(point.index())), experiment.remote(), store, progress);
        }
        results = reindexed(points, results);
        progress.summary();
        ExperimentSpec spec = experiment.spec();
        return new ExperimentResult(spec.id(), spec.title(), spec.question(), experiment.configText(),
                experiment.configHash(), spec.seed(), PocketSimVersion.VERSION, results, traces(experiment),
                comparisons(spec, experiment, results), tables(spec, experiment, results), spec.report(),
                resolved(experiment, results));
    }

    /**
     * The resolved SoC and model numbers of each point (what its key covers), by point id, for the
     * report's provenance; keys sorted, since profiles hold maps whose order varies between JVMs.
     */
    private static Map<String, JsonNode> resolved(LoadedExperiment experiment, List<PointResult> results) {
        Map<String, JsonNode> out = new TreeMap<>();
        for (PointResult p : results) out.put(p.pointId(), CanonicalJson.canonical(experiment.prepared().get(p.index()).inputs()));
        return out;
    }

    /**
     * A stored point reused from an earlier run of a changed sweep (a row added before it) keeps
     * its metrics, but takes this run's index and parameters.
     */
    private static List<PointResult> reindexed(List<SweepPoint> points, List<PointResult> results) {
        List<PointResult> out = new ArrayList<>(results.size());
        for (int i = 0; i < results.size(); i++) {
            PointResult r = results.get(i);
            SweepPoint p = points.get(i);
            out.add(r.index() == p.index() && r.parameters().equals(p.parameters()) ? r
                    : new PointResult(p.index(), r.pointId(), p.parameters(), r.metrics(), r.series(), r.notes()));
        }
        return out;
    }

    /**
     * The report's tables: each point kind's, then the experiment's headline tables computed from
     * all its points (see {@link ParetoHeadline}), then its data tables.
     */
    private static List<ResultTable> tables(ExperimentSpec spec, LoadedExperiment experiment, List<PointResult> results) {
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) labels.add(experiment.specs().get(i).label());
        Path dir = experiment.file() == null || experiment.file().toAbsolutePath().getParent() == null ? Path.of(".")
                : experiment.file().toAbsolutePath().getParent();
        List<ResultTable> tables = new ArrayList<>(PointKinds.tables(experiment.specs(), results));
        for (HeadlineSpec h : spec.headlines()) tables.add(ParetoHeadline.table(h, results, labels, dir));
        for (org.pocketsim.engine.analysis.DataTableSpec d : spec.dataTables()) tables.add(d.read(dir));
        return tables;
    }

    /** One point: runs the prepared point and records what it measured with the point's notes. */
    static PointResult runPoint(SweepPoint point, PreparedPoint prepared) {
        PointOutcome outcome = prepared.run();
        return new PointResult(point.index(), point.hash().substring(0, 16), point.parameters(), outcome.metrics(),
                outcome.series(), prepared.notes());
    }

    /** Every trace the points read, once each, sorted by label. */
    private static List<TraceProvenance> traces(LoadedExperiment experiment) {
        Map<String, TraceProvenance> traces = new TreeMap<>();
        for (PreparedPoint p : experiment.prepared()) {
            for (TraceProvenance t : p.traces()) traces.putIfAbsent(t.label(), t);
        }
        return List.copyOf(traces.values());
    }

    private static List<Comparison> comparisons(ExperimentSpec spec, LoadedExperiment experiment, List<PointResult> results) {
        List<Comparison> out = new ArrayList<>();
        for (ReferenceSpec ref : spec.references()) {
            for (int i = 0; i < results.size(); i++) {
                if (!experiment.specs().get(i).label().equals(ref.label())) continue;
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

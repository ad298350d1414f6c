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
import org.pocketsim.engine.result.FailedPoint;
import org.pocketsim.engine.result.PointResult;
import org.pocketsim.engine.result.TraceProvenance;
import org.pocketsim.engine.sweep.CanonicalJson;
import org.pocketsim.engine.sweep.FailedPointsException;
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
     * elsewhere with the experiment's {@link LoadedExperiment#remote() recipe}. A point that throws
     * does not stop the others: it comes back among {@link ExperimentResult#failedPoints()} (not
     * stored, so a re-run runs it again), and the result is built from the points that finished;
     * a headline table that needs a failed point is then left out.
     */
    public static ExperimentResult run(LoadedExperiment experiment, Path stateFile, PointExecutor executor, Progress progress) {
        List<SweepPoint> points = experiment.points();
        SweepRunner.Outcome<PointResult> outcome;
        try (PointStore store = new PointStore(stateFile);
             RemoteExperiment.Offer offered = executor.runsRemoteWorkInThisJvm()
                     ? experiment.remote().offerInThisJvm(points, experiment.prepared()) : RemoteExperiment.Offer.NONE) {
            outcome = new SweepRunner<>(PointResult.class, executor).runAll(points,
                    point -> runPoint(point, experiment.prepared().get(point.index())), experiment.remote(), store, progress);
        }
        progress.summary();
        // The finished points with the position of each in the sweep (specs and prepared points are by position).
        List<PointResult> results = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        List<FailedPoint> failed = new ArrayList<>();
        Map<Integer, FailedPointsException.Failure> failures = new java.util.HashMap<>();
        for (FailedPointsException.Failure f : outcome.failures()) failures.put(f.index(), f);
        for (int i = 0; i < points.size(); i++) {
            PointResult r = outcome.results().get(i);
            SweepPoint p = points.get(i);
            if (r == null) {
                FailedPointsException.Failure f = failures.get(p.index());
                failed.add(new FailedPoint(p.index(), pointId(p), p.parameters(), f.message(), f.configError()));
                continue;
            }
            results.add(reindexed(p, r));
            positions.add(i);
        }
        ExperimentSpec spec = experiment.spec();
        return new ExperimentResult(spec.id(), spec.title(), spec.question(), experiment.configText(),
                experiment.configHash(), spec.seed(), PocketSimVersion.VERSION, results, traces(experiment),
                comparisons(spec, experiment, results, positions), tables(spec, experiment, results, positions, !failed.isEmpty()),
                spec.report(), resolved(experiment, results, positions), failed);
    }

    /**
     * The resolved SoC and model numbers of each point (what its key covers), by point id, for the
     * report's provenance; keys sorted, since profiles hold maps whose order varies between JVMs.
     */
    private static Map<String, JsonNode> resolved(LoadedExperiment experiment, List<PointResult> results, List<Integer> positions) {
        Map<String, JsonNode> out = new TreeMap<>();
        for (int k = 0; k < results.size(); k++) {
            out.put(results.get(k).pointId(), CanonicalJson.canonical(experiment.prepared().get(positions.get(k)).inputs()));
        }
        return out;
    }

    /**
     * A stored point reused from an earlier run of a changed sweep (a row added before it) keeps
     * its metrics, but takes this run's index and parameters.
     */
    private static PointResult reindexed(SweepPoint p, PointResult r) {
        return r.index() == p.index() && r.parameters().equals(p.parameters()) ? r
                : new PointResult(p.index(), r.pointId(), p.parameters(), r.metrics(), r.series(), r.notes());
    }

    /**
     * The report's tables: each point kind's, then the experiment's headline tables computed from
     * all its points (see {@link ParetoHeadline}), then its data tables.
     */
    private static List<ResultTable> tables(ExperimentSpec spec, LoadedExperiment experiment, List<PointResult> results,
                                            List<Integer> positions, boolean somePointsFailed) {
        List<String> labels = new ArrayList<>();
        List<org.pocketsim.engine.point.PointSpec> specs = new ArrayList<>();
        for (int at : positions) {
            labels.add(experiment.specs().get(at).label());
            specs.add(experiment.specs().get(at));
        }
        Path dir = experiment.file() == null || experiment.file().toAbsolutePath().getParent() == null ? Path.of(".")
                : experiment.file().toAbsolutePath().getParent();
        List<ResultTable> tables = new ArrayList<>(PointKinds.tables(specs, results));
        for (HeadlineSpec h : spec.headlines()) {
            try {
                tables.add(ParetoHeadline.table(h, results, labels, dir));
            } catch (IllegalArgumentException e) {
                if (!somePointsFailed) throw e;
                // Its baseline or candidates failed: the report lists those points instead.
            }
        }
        for (org.pocketsim.engine.analysis.DataTableSpec d : spec.dataTables()) tables.add(d.read(dir));
        return tables;
    }

    /** One point: runs the prepared point and records what it measured with the point's notes. */
    static PointResult runPoint(SweepPoint point, PreparedPoint prepared) {
        PointOutcome outcome = prepared.run();
        return new PointResult(point.index(), pointId(point), point.parameters(), outcome.metrics(),
                outcome.series(), prepared.notes());
    }

    /** A point's id in results: the first 16 hex digits of its key. */
    static String pointId(SweepPoint point) {
        return point.hash().substring(0, 16);
    }

    /** Every trace the points read, once each, sorted by label. */
    private static List<TraceProvenance> traces(LoadedExperiment experiment) {
        Map<String, TraceProvenance> traces = new TreeMap<>();
        for (PreparedPoint p : experiment.prepared()) {
            for (TraceProvenance t : p.traces()) traces.putIfAbsent(t.label(), t);
        }
        return List.copyOf(traces.values());
    }

    /** Each reference beside its point's prediction; a reference whose point failed is left out (the point is listed as failed). */
    private static List<Comparison> comparisons(ExperimentSpec spec, LoadedExperiment experiment, List<PointResult> results,
                                                List<Integer> positions) {
        List<Comparison> out = new ArrayList<>();
        for (ReferenceSpec ref : spec.references()) {
            for (int k = 0; k < results.size(); k++) {
                if (!experiment.specs().get(positions.get(k)).label().equals(ref.label())) continue;
                PointResult p = results.get(k);
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

package org.pocketsim.engine.experiment;

import org.pocketsim.engine.sweep.SweepPoint;
import org.pocketsim.hw.spec.SocSpec;
import org.pocketsim.workload.model.ModelSpec;

import java.nio.file.Path;
import java.util.List;

/**
 * An experiment validated and expanded: every point's run bound and its SoC and model resolved.
 *
 * @param spec       the bound experiment
 * @param file       the YAML file it came from
 * @param configText the config as run: the file's text plus the command-line overrides
 * @param configHash SHA-256 of the canonical config tree and PocketSim version
 * @param points     sweep points in order
 * @param runs       one resolved run per point, same order
 */
public record LoadedExperiment(ExperimentSpec spec, Path file, String configText, String configHash,
                               List<SweepPoint> points, List<ResolvedRun> runs) {

    /** A point's run with its SoC profile and model. */
    public record ResolvedRun(RunSpec run, SocSpec soc, ModelSpec model) {
    }

    public LoadedExperiment {
        points = List.copyOf(points);
        runs = List.copyOf(runs);
    }
}

package org.pocketsim.engine.experiment;

import org.pocketsim.engine.point.PointSpec;
import org.pocketsim.engine.point.PreparedPoint;
import org.pocketsim.engine.sweep.SweepPoint;

import java.nio.file.Path;
import java.util.List;

/**
 * An experiment validated and expanded: every point bound to its kind's spec, resolved and
 * checked, and keyed by everything it reads.
 *
 * @param spec       the bound experiment
 * @param file       the YAML file it came from
 * @param configText the config as run: the file's text plus the command-line overrides
 * @param configHash SHA-256 of the canonical config tree and PocketSim version
 * @param points     sweep points in order, each with its stored-result key
 * @param specs      one bound point spec per point, same order
 * @param prepared   one prepared point per point, same order
 * @param remote     the experiment as it travels to another JVM (a Spark executor) to run points there
 */
public record LoadedExperiment(ExperimentSpec spec, Path file, String configText, String configHash,
                               List<SweepPoint> points, List<PointSpec> specs, List<PreparedPoint> prepared,
                               RemoteExperiment remote) {

    public LoadedExperiment {
        points = List.copyOf(points);
        specs = List.copyOf(specs);
        prepared = List.copyOf(prepared);
    }
}

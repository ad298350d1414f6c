package org.pocketsim.cli;

import org.pocketsim.engine.experiment.ExperimentLoader;
import org.pocketsim.engine.experiment.LoadedExperiment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code pocketsim validate FILE}: checks an experiment (every sweep point) without running it. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check an experiment YAML without running it: keys, units, presets, formats and that every sweep point fits.")
public final class ValidateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "experiment YAML")
    Path file;

    @Option(names = "--set", paramLabel = "PATH=VALUE", description = "override a config field (repeatable)")
    List<String> overrides = new ArrayList<>();

    @Override
    public Integer call() {
        LoadedExperiment experiment = ExperimentLoader.load(file, overrides);
        spec.commandLine().getOut().println(file + ": valid (" + experiment.spec().id() + ", " + experiment.points().size() + " points, "
                + experiment.spec().references().size() + " published references)");
        return 0;
    }
}

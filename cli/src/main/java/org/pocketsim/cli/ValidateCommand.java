package org.pocketsim.cli;

import org.pocketsim.engine.experiment.ExperimentLoader;
import org.pocketsim.engine.experiment.LoadedExperiment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Mixin;

import java.util.concurrent.Callable;

/** {@code pocketsim validate FILE}: checks an experiment (every sweep point) without running it. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check an experiment YAML without running it: keys, units, presets, formats and that every sweep point fits.")
public final class ValidateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ExperimentArguments arguments;

    @Override
    public Integer call() {
        LoadedExperiment experiment = ExperimentLoader.load(arguments.file, arguments.overrides);
        spec.commandLine().getOut().println(arguments.file + ": valid (" + experiment.spec().id() + ", " + experiment.points().size() + " points, "
                + experiment.spec().references().size() + " published references)");
        return 0;
    }
}

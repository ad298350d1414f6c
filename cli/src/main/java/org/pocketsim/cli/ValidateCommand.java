package org.pocketsim.cli;

import org.pocketsim.engine.experiment.ExperimentLoader;
import org.pocketsim.engine.experiment.LoadedExperiment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;

import java.util.concurrent.Callable;

/** {@code pocketsim validate FILE}: checks an experiment (every sweep point) without running it. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check an experiment YAML without running it: keys, units, presets, formats and that every sweep point fits.")
public final class ValidateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ExperimentArguments arguments;

    @Option(names = "--out", paramLabel = "DIR", description = "output folder 'run' would write to, checked for writing (default: ${DEFAULT-VALUE})")
    Path out = Path.of("out");

    @Override
    public Integer call() {
        LoadedExperiment experiment = ExperimentLoader.load(arguments.file, arguments.overrides);
        OutputFolder.checkWritable(out);
        spec.commandLine().getOut().println(arguments.file + ": valid (" + experiment.spec().id() + ", " + experiment.points().size() + " points, "
                + experiment.spec().references().size() + " published references)");
        return 0;
    }
}

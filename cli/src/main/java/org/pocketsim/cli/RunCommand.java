package org.pocketsim.cli;

import org.pocketsim.engine.experiment.ExperimentLoader;
import org.pocketsim.engine.experiment.ExperimentRunner;
import org.pocketsim.engine.experiment.LoadedExperiment;
import org.pocketsim.engine.result.ExperimentResult;
import org.pocketsim.engine.sweep.Progress;
import org.pocketsim.engine.sweep.RunLock;
import org.pocketsim.report.ReportWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Mixin;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code pocketsim run FILE}: runs an experiment's sweep and writes its report. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run an experiment YAML and write its report (index.html, PNG charts, results.csv/json).")
public final class RunCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ExperimentArguments arguments;

    @Option(names = "--out", paramLabel = "DIR", description = "output folder; the report goes to DIR/<experiment id> (default: ${DEFAULT-VALUE})")
    Path out = Path.of("out");

    @Option(names = "--fresh", description = "run every point anew, discarding results stored by earlier runs of this experiment")
    boolean fresh;

    @Option(names = "--jobs", paramLabel = "N", description = "points run in parallel (default: all cores, ${DEFAULT-VALUE})")
    int jobs = Runtime.getRuntime().availableProcessors();

    @Override
    public Integer call() throws Exception {
        if (jobs < 1) throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--jobs must be at least 1, got " + jobs);
        LoadedExperiment experiment = ExperimentLoader.load(arguments.file, arguments.overrides);
        OutputFolder.checkWritable(out);
        String id = experiment.spec().id();
        Path stateFile = out.resolve(".state").resolve(id).resolve("points.jsonl");
        ExperimentResult result;
        Path index;
        // One run at a time per experiment and --out: the lock covers the stored points and the report.
        try (RunLock lock = lock(stateFile.getParent())) {
            if (fresh) java.nio.file.Files.deleteIfExists(stateFile);
            result = ExperimentRunner.run(experiment, stateFile, jobs, Progress.console(experiment.points().size()));
            index = ReportWriter.write(result, out.resolve(id));
        } catch (java.io.UncheckedIOException e) { // a file the run reads or writes (disk full, removed)
            throw new UserInputException(CommandErrors.line(spec, e));
        } catch (java.io.IOException e) {
            throw new UserInputException("--fresh: cannot remove " + org.pocketsim.hw.config.PlainText.of(e));
        }
        spec.commandLine().getOut().println("report: " + index);
        return 0;
    }

    private RunLock lock(Path stateDir) {
        try {
            return RunLock.acquire(stateDir);
        } catch (RunLock.HeldException e) {
            throw new UserInputException("--out " + out + ": " + e.getMessage());
        }
    }
}

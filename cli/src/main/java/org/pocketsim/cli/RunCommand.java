package org.pocketsim.cli;

import org.pocketsim.engine.experiment.ExperimentLoader;
import org.pocketsim.engine.experiment.ExperimentRunner;
import org.pocketsim.engine.experiment.LoadedExperiment;
import org.pocketsim.engine.result.ExperimentResult;
import org.pocketsim.engine.result.FailedPoint;
import org.pocketsim.engine.sweep.LocalPointExecutor;
import org.pocketsim.engine.sweep.PointExecutor;
import org.pocketsim.engine.sweep.PointExecutors;
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

    @Option(names = "--executor", paramLabel = "NAME", description = "where points run: threads (this JVM, default) or spark "
            + "(needs the spark module on the class path: ./pocketsim-spark or the job jar; see README)")
    String executor = LocalPointExecutor.NAME;

    @Option(names = "--master", paramLabel = "URL", description = "Spark master for --executor spark, e.g. local[2] or spark://host:7077 "
            + "(default: spark-submit's, else local[*])")
    String master;

    @Override
    public Integer call() throws Exception {
        if (jobs < 1) throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--jobs must be at least 1, got " + jobs);
        if (master != null && executor.equals(LocalPointExecutor.NAME)) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--master needs --executor spark");
        }
        // A Spark context starts while the driver reads and prepares the points (both take seconds).
        StartingExecutor starting = executor.equals(LocalPointExecutor.NAME) ? StartingExecutor.now(this::executor)
                : StartingExecutor.inBackground(this::executor);
        ExperimentResult result;
        Path index;
        try {
            LoadedExperiment experiment = ExperimentLoader.load(arguments.file, arguments.overrides);
            OutputFolder.checkWritable(out);
            String id = experiment.spec().id();
            Path stateFile = out.resolve(".state").resolve(id).resolve("points.jsonl");
            // One run at a time per experiment and --out: the lock covers the stored points and the report.
            try (RunLock lock = lock(stateFile.getParent()); PointExecutor points = starting.take()) {
                if (fresh) java.nio.file.Files.deleteIfExists(stateFile);
                result = ExperimentRunner.run(experiment, stateFile, points, Progress.console(experiment.points().size()));
                index = ReportWriter.write(result, out.resolve(id));
            } catch (java.io.UncheckedIOException e) { // a file the run reads or writes (disk full, removed)
                throw new UserInputException(CommandErrors.line(spec, e));
            } catch (java.io.IOException e) {
                throw new UserInputException("--fresh: cannot remove " + org.pocketsim.hw.config.PlainText.of(e));
            }
        } finally {
            starting.abandon();
        }
        spec.commandLine().getOut().println("report: " + index);
        return result.failedPoints().isEmpty() ? 0 : failed(result);
    }

    /** The executor --executor names; a name not on the class path is a user error naming the ones that are. */
    private PointExecutor executor() {
        PointExecutor found;
        try {
            found = PointExecutors.create(executor, jobs, master);
        } catch (Exception e) { // a master URL Spark cannot parse or reach (SparkException is checked, thrown from Scala)
            throw new UserInputException("--executor " + executor + (master == null ? "" : " --master " + master)
                    + ": cannot start: " + org.pocketsim.engine.sweep.PointSink.message(e));
        }
        if (found != null) return found;
        String hint = executor.equals("spark") ? "; the spark module is not on the class path: run ./pocketsim-spark instead of ./pocketsim, or submit the job jar (see README)" : "";
        throw new UserInputException("--executor " + executor + ": unknown executor (executors: "
                + String.join(", ", PointExecutors.names()) + ")" + hint);
    }

    /**
     * Points failed: one line per failed point on stderr (exit 2 when each is a config error, else 1).
     * The report, results.csv and results.json are written with them listed; the points that
     * finished are stored, so a re-run retries only the failed ones.
     */
    private int failed(ExperimentResult result) {
        java.io.PrintWriter err = spec.commandLine().getErr();
        int total = result.points().size() + result.failedPoints().size();
        err.println("pocketsim run: " + result.failedPoints().size() + " of " + total + " points failed (listed in the report and "
                + "results.csv); the others are stored and a re-run retries only the failed ones:");
        boolean badInput = true;
        for (FailedPoint f : result.failedPoints()) {
            err.println("  point " + f.index() + " (" + f.label() + "): " + f.error());
            badInput &= f.configError();
        }
        err.flush();
        return badInput ? Main.EXIT_BAD_INPUT : Main.EXIT_INTERNAL;
    }

    private RunLock lock(Path stateDir) {
        try {
            return RunLock.acquire(stateDir);
        } catch (RunLock.HeldException e) {
            throw new UserInputException("--out " + out + ": " + e.getMessage());
        }
    }
}

package org.pocketsim.cli;

import java.io.PrintWriter;
import java.util.List;
import org.pocketsim.cli.profiles.ProfilesCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code pocketsim} command. Exit codes: 0 ok, 2 bad input (config errors, bad parameters:
 * one line on stderr, no stack trace), 1 internal error.
 */
@Command(name = "pocketsim", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Simulate mobile SoCs running compressed LLMs.")
public final class Main implements Runnable {

    /** Exit code for bad input (a config error or a bad command-line parameter). */
    public static final int EXIT_BAD_INPUT = 2;
    /** Exit code for an internal error (a bug). */
    public static final int EXIT_INTERNAL = 1;

    /** Every subcommand, in help order. Add yours with one line here. */
    static List<Object> subcommands() {
        return List.of(
                new RunCommand(),
                new ValidateCommand(),
                new ProfilesCommand(),
                new TraceCommand(),
                new KernelTraceCommand(),
                new ModelsCommand());
    }

    @Spec
    CommandSpec spec;

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        System.exit(run(args, out, err));
    }

    /** Runs the command line with the given streams and returns the exit code. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine root = new CommandLine(new Main());
        for (Object subcommand : subcommands()) {
            root.addSubcommand(subcommand);
        }
        return configure(root, out, err).execute(args);
    }

    /** Installs the streams and the exit-code policy on {@code commandLine} (public for tests). */
    public static CommandLine configure(CommandLine commandLine, PrintWriter out, PrintWriter err) {
        return commandLine.setOut(out).setErr(err)
                .setParameterExceptionHandler(new ErrorHandling())
                .setExecutionExceptionHandler(new ErrorHandling());
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command");
    }
}

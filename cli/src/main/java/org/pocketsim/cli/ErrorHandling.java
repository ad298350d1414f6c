package org.pocketsim.cli;

import org.pocketsim.hw.config.ConfigException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Maps failures to exit codes and messages: user errors (bad parameters, {@link ConfigException},
 * {@link UserInputException}) print one line to stderr and exit 2; anything else is a bug, printed
 * with its stack trace, exit 1.
 */
final class ErrorHandling implements IParameterExceptionHandler, IExecutionExceptionHandler {

    @Override
    public int handleParseException(ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        String name = cmd.getCommandSpec().qualifiedName();
        String hint = "";
        if (e instanceof CommandLine.UnmatchedArgumentException u && !u.getSuggestions().isEmpty()) {
            hint = "; did you mean " + String.join(" or ", u.getSuggestions()) + "?";
        }
        cmd.getErr().println(name + ": " + oneLine(e.getMessage()) + hint + " (see '" + name + " --help')");
        cmd.getErr().flush();
        return Main.EXIT_BAD_INPUT;
    }

    @Override
    public int handleExecutionException(Exception e, CommandLine cmd, ParseResult parseResult) {
        if (e instanceof ParameterException p) {
            return handleParseException(p, parseResult.originalArgs().toArray(new String[0]));
        }
        if (e instanceof ConfigException || e instanceof UserInputException) {
            cmd.getErr().println("pocketsim: " + oneLine(e.getMessage()));
            cmd.getErr().flush();
            return Main.EXIT_BAD_INPUT;
        }
        cmd.getErr().println("pocketsim: internal error: " + e);
        e.printStackTrace(cmd.getErr());
        cmd.getErr().flush();
        return Main.EXIT_INTERNAL;
    }

    private static String oneLine(String message) {
        return message == null ? "" : message.replace('\n', ' ').replaceAll("\\s+", " ").strip();
    }
}

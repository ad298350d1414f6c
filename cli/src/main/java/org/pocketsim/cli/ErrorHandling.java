package org.pocketsim.cli;

import org.pocketsim.hw.config.ConfigException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Maps failures to exit codes and messages. A user error prints exactly one line on stderr and
 * exits 2; the line starts with what the user wrote that is wrong:
 * <ul>
 *   <li>a file: {@code FILE:LINE:COL: field 'PATH': message} (line and column left out only when
 *       unknown, {@code field} when there is no field), from {@link ConfigException};</li>
 *   <li>a command-line argument: {@code --set run.prompt=abc: field 'run.prompt': message},
 *       {@code --out /proc/x: message};</li>
 *   <li>the command line as a whole (a missing, unknown or out-of-range argument):
 *       {@code pocketsim run: message (see 'pocketsim run --help')}.</li>
 * </ul>
 * Anything else is a bug: {@code pocketsim: internal error: ...} with its stack trace, exit 1.
 */
final class ErrorHandling implements IParameterExceptionHandler, IExecutionExceptionHandler {

    @Override
    public int handleParseException(ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        String name = cmd.getCommandSpec().qualifiedName();
        return print(cmd, name + ": " + usageProblem(e) + " (see '" + name + " --help')");
    }

    @Override
    public int handleExecutionException(Exception e, CommandLine cmd, ParseResult parseResult) {
        if (e instanceof ParameterException p) {
            return handleParseException(p, parseResult.originalArgs().toArray(new String[0]));
        }
        if (e instanceof ConfigException || e instanceof UserInputException) {
            return print(cmd, e.getMessage());
        }
        cmd.getErr().println("pocketsim: internal error: " + e);
        e.printStackTrace(cmd.getErr());
        cmd.getErr().flush();
        return Main.EXIT_INTERNAL;
    }

    private static int print(CommandLine cmd, String line) {
        cmd.getErr().println(oneLine(line));
        cmd.getErr().flush();
        return Main.EXIT_BAD_INPUT;
    }

    /** Picocli's message in the house words, starting lower-case. */
    private static String usageProblem(ParameterException e) {
        if (e instanceof CommandLine.UnmatchedArgumentException u && !u.getUnmatched().isEmpty()) {
            String arg = u.getUnmatched().get(0);
            boolean commands = !e.getCommandLine().getSubcommands().isEmpty();
            String what = arg.startsWith("-") ? "unknown option" : commands ? "unknown command" : "unexpected argument";
            String hint = u.getSuggestions().isEmpty() ? ""
                    : "; did you mean " + String.join(" or ", u.getSuggestions().stream().map(s -> "'" + s + "'").toList()) + "?";
            return what + " '" + arg + "'" + hint;
        }
        String message = oneLine(e.getMessage())
                .replaceAll("' is not an? (?:int|long|short|byte)\\b", "' is not a whole number")
                .replaceAll("' is not an? (?:double|float)\\b", "' is not a number");
        return message.isEmpty() ? "bad command line" : Character.toLowerCase(message.charAt(0)) + message.substring(1);
    }

    private static String oneLine(String message) {
        return message == null ? "" : message.replace('\n', ' ').replaceAll("\\s+", " ").strip();
    }
}

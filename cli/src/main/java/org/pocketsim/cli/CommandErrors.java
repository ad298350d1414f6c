package org.pocketsim.cli;

import org.pocketsim.hw.config.ConfigException;
import org.pocketsim.hw.config.PlainText;
import org.pocketsim.workload.safetensors.SafetensorsException;
import org.pocketsim.workload.trace.TraceException;
import picocli.CommandLine.Model.CommandSpec;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;

/**
 * Runs the body of a command that reads user files through libraries whose exceptions carry user
 * errors (traces, safetensors, model files, option values checked by constructors) and turns
 * those into a {@link UserInputException} of the one error form (see {@link ErrorHandling}): the
 * message as it is when it starts with the file at fault, else after the command's name.
 */
final class CommandErrors {

    private static final Pattern LOCATION = Pattern.compile("(:\\d+)+$");

    private CommandErrors() {
    }

    static <T> T run(CommandSpec command, Callable<T> body) throws Exception {
        try {
            return body.call();
        } catch (ConfigException | UserInputException e) {
            throw e;
        } catch (TraceException | SafetensorsException | IllegalArgumentException | UncheckedIOException e) {
            throw new UserInputException(line(command, e));
        }
    }

    /** The one-line form of a library's user error {@code e} raised by {@code command}. */
    static String line(CommandSpec command, Throwable e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        Throwable cause = e.getCause();
        if (cause != null) {
            message = message.replace(cause.toString(), PlainText.of(cause));
            if (cause instanceof java.nio.file.FileSystemException f && f.getMessage() != null && message.endsWith(": " + f.getMessage())) {
                message = message.substring(0, message.length() - f.getMessage().length()) + PlainText.of(cause);
            }
        }
        message = PlainText.of(message);
        if (message.isEmpty()) {
            message = "bad input";
        }
        return namesItsSource(message) ? message : command.qualifiedName() + ": " + message;
    }

    /** Whether {@code message} starts with a file or folder ({@code x.yaml:3: ...}, {@code dir: ...}). */
    private static boolean namesItsSource(String message) {
        int colon = message.indexOf(": ");
        if (colon <= 0) {
            return false;
        }
        String head = LOCATION.matcher(message.substring(0, colon)).replaceAll("");
        if (head.isEmpty() || head.chars().anyMatch(Character::isWhitespace) || head.startsWith("-")) {
            return false;
        }
        try {
            return head.contains("/") || head.contains(".") || Files.exists(Path.of(head));
        } catch (InvalidPathException ex) {
            return false;
        }
    }
}

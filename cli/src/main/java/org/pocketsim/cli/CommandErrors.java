package org.pocketsim.cli;

import org.pocketsim.hw.config.ConfigException;
import org.pocketsim.workload.safetensors.SafetensorsException;
import org.pocketsim.workload.trace.TraceException;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.concurrent.Callable;

/** Runs a command body, turning the errors users cause into one line on stderr and exit code 2. */
final class CommandErrors {

    /** Exit code of bad input (files, options, data), as for picocli's usage errors. */
    static final int BAD_INPUT = 2;

    private CommandErrors() {
    }

    static int run(PrintWriter err, Callable<Integer> body) throws Exception {
        try {
            return body.call();
        } catch (TraceException | SafetensorsException | ConfigException | IllegalArgumentException | UncheckedIOException e) {
            err.println("error: " + e.getMessage());
            err.flush();
            return BAD_INPUT;
        }
    }
}

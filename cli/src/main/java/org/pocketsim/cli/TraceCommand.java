package org.pocketsim.cli;

import picocli.CommandLine.Command;

/** {@code pocketsim trace ...}: inspect, import (and synth, registered by its owner) token-generation traces. */
@Command(name = "trace", mixinStandardHelpOptions = true,
        description = "Inspect, import and generate token-generation traces (docs/traces.md).",
        subcommands = {TraceInspectCommand.class, TraceImportCommand.class, TraceSynthCommand.class})
public final class TraceCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "missing subcommand: inspect, import or synth");
    }
}

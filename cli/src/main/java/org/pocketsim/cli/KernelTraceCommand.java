package org.pocketsim.cli;

import picocli.CommandLine.Command;

/** {@code pocketsim kernel-trace ...}: real engines' per-node logs as kernel traces (docs/kernel-replay.md). */
@Command(name = "kernel-trace", mixinStandardHelpOptions = true,
        description = "Import real engines' per-node kernel logs as kernel traces (replay them with run.kind: kernel-replay).",
        subcommands = {KernelTraceImportCommand.class})
public final class KernelTraceCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "missing subcommand: import");
    }
}

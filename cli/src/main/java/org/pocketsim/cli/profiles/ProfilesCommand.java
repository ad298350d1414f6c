package org.pocketsim.cli.profiles;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code pocketsim profiles list|show}: the SoC presets and user profile files. */
@Command(name = "profiles", mixinStandardHelpOptions = true,
        description = "List the SoC presets or show one profile with the source of every number.",
        subcommands = {ProfilesList.class, ProfilesShow.class})
public final class ProfilesCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand: list or show");
    }
}

package org.pocketsim.cli;

import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The experiment file and its {@code --set} overrides, shared by {@code run} and {@code validate}. */
public final class ExperimentArguments {

    @Parameters(index = "0", paramLabel = "FILE", description = "experiment YAML, e.g. configs/decode-baselines.yaml")
    Path file;

    @Option(names = "--set", paramLabel = "PATH=VALUE", description = "override a config field, e.g. --set run.weights=int8 (repeatable)")
    List<String> overrides = new ArrayList<>();
}

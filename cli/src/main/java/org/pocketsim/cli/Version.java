package org.pocketsim.cli;

import picocli.CommandLine.IVersionProvider;

/** The PocketSim version for {@code --version}. */
public final class Version implements IVersionProvider {

    /** The project version, e.g. {@code 0.1.0-SNAPSHOT}. */
    public static String current() {
        return org.pocketsim.engine.PocketSimVersion.VERSION;
    }

    @Override
    public String[] getVersion() {
        return new String[] {"pocketsim " + current()};
    }
}

package org.pocketsim.engine;

/** The PocketSim version written into every result and config hash. */
public final class PocketSimVersion {

    public static final String VERSION = "0.1.0";

    private PocketSimVersion() {
    }
}

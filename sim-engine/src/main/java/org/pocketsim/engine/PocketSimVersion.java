package org.pocketsim.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The PocketSim version (from the build-filtered {@code version.properties}), written into every result and config hash. */
public final class PocketSimVersion {

    public static final String VERSION = load();

    private PocketSimVersion() {
    }

    private static String load() {
        try (InputStream in = PocketSimVersion.class.getResourceAsStream("version.properties")) {
            if (in == null) throw new IllegalStateException("version.properties is missing from the sim-engine jar");
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read version.properties", e);
        }
    }
}

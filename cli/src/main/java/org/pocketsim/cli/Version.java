package org.pocketsim.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** The PocketSim version, from the build-filtered {@code version.properties}. */
public final class Version implements IVersionProvider {

    /** The project version, e.g. {@code 0.1.0-SNAPSHOT}; "unknown" if the resource is missing. */
    public static String current() {
        try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    @Override
    public String[] getVersion() {
        return new String[] {"pocketsim " + current()};
    }
}

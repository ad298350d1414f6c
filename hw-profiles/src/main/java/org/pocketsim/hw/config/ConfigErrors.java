package org.pocketsim.hw.config;

import java.util.List;

/**
 * Errors found after binding (cross-field checks, sweep points, traces a run reads) reported
 * where the user wrote the offending node: the file, line and column of {@code fieldPath} (or of
 * its nearest ancestor that the documents define) in whichever origin defines it.
 */
public final class ConfigErrors {

    private ConfigErrors() {
    }

    /** The one-line error {@code FILE:LINE:COL: field 'fieldPath': problem}. */
    public static ConfigException at(List<ConfigSource> origins, String fieldPath, String problem) {
        return BindingErrors.located(origins, fieldPath, problem);
    }
}

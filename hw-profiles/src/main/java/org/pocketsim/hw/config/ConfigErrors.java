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

    /**
     * The error located at {@code locatePath} (where the user wrote the value, e.g. a sweep axis
     * value {@code sweep.axes.run.mlp.cache[1]}) and named by {@code fieldPath} ({@code run.mlp.cache}).
     */
    public static ConfigException at(List<ConfigSource> origins, String locatePath, String fieldPath, String problem) {
        ConfigException located = BindingErrors.located(origins, locatePath, problem);
        return new ConfigException(located.source(), located.line(), located.column(), fieldPath, problem);
    }
}

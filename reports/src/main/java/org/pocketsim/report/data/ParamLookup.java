package org.pocketsim.report.data;

import org.pocketsim.engine.result.PointResult;

import java.util.Map;

/**
 * Reads a swept parameter of a point by the name a report uses. Parameters are named by their
 * path from the file root ({@code run.mlp.keep}); results written before that naming carry the
 * path without {@code run.} ({@code mlp.keep}), and each spelling finds the other.
 */
public final class ParamLookup {

    private static final String PREFIX = "run.";

    private ParamLookup() {
    }

    /** The value of parameter {@code name} of {@code p}, or null when it has none by either spelling. */
    public static String get(PointResult p, String name) {
        if (name == null) return null;
        String v = p.parameters().get(name);
        if (v != null) return v;
        if (name.startsWith(PREFIX)) return p.parameters().get(name.substring(PREFIX.length()));
        return p.parameters().get(PREFIX + name);
    }

    /** Whether every parameter a filter names has the filter's value in {@code p} (an empty filter takes every point). */
    public static boolean matches(PointResult p, Map<String, String> filter) {
        for (Map.Entry<String, String> f : filter.entrySet()) {
            if (!f.getValue().equals(get(p, f.getKey()))) return false;
        }
        return true;
    }

    /** Whether two parameter names denote the same parameter under either spelling. */
    public static boolean same(String a, String b) {
        if (a == null || b == null) return false;
        return strip(a).equals(strip(b));
    }

    private static String strip(String name) {
        return name.startsWith(PREFIX) ? name.substring(PREFIX.length()) : name;
    }
}

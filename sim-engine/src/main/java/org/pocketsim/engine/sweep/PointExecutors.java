package org.pocketsim.engine.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/** The executors by name: {@code threads} (built in) and whatever providers the class path holds. */
public final class PointExecutors {

    private PointExecutors() {
    }

    /** The executor called {@code name}, or null when none by that name is on the class path. */
    public static PointExecutor create(String name, int jobs, String master) {
        if (LocalPointExecutor.NAME.equals(name)) return new LocalPointExecutor(jobs);
        for (PointExecutorProvider p : ServiceLoader.load(PointExecutorProvider.class)) {
            if (p.name().equals(name)) return p.create(jobs, master);
        }
        return null;
    }

    /** The names on the class path, built-in first. */
    public static List<String> names() {
        List<String> out = new ArrayList<>(List.of(LocalPointExecutor.NAME));
        for (PointExecutorProvider p : ServiceLoader.load(PointExecutorProvider.class)) out.add(p.name());
        return out;
    }
}

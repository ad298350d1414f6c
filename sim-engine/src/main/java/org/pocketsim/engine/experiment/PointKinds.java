package org.pocketsim.engine.experiment;

import org.pocketsim.engine.point.PointRunner;
import org.pocketsim.engine.replay.KernelReplayRunner;
import org.pocketsim.engine.run.DecodeRunner;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** Registry of sweep point kinds by {@code run.kind}: a new kind is one spec, one runner and one line here. */
final class PointKinds {

    /** The kind of a run section that names none. */
    static final String DEFAULT = "decode";

    private static final Map<String, PointRunner<?>> RUNNERS = new LinkedHashMap<>();

    static {
        RUNNERS.put("decode", new DecodeRunner());
        RUNNERS.put("kernel-replay", new KernelReplayRunner());
    }

    private PointKinds() {
    }

    /** The runner of {@code kind}, or null when no kind has that name. */
    static PointRunner<?> runner(String kind) {
        return RUNNERS.get(kind);
    }

    static Set<String> names() {
        return RUNNERS.keySet();
    }
}

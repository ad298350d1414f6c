package org.pocketsim.engine.experiment;

import org.pocketsim.engine.point.PointRunner;
import org.pocketsim.engine.point.PointSpec;
import org.pocketsim.engine.result.PointResult;
import org.pocketsim.engine.result.ResultTable;
import org.pocketsim.engine.replay.KernelReplayRunner;
import org.pocketsim.engine.run.DecodeRunner;
import org.pocketsim.engine.macarray.MacArrayRunner;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Registry of sweep point kinds by {@code run.kind}: a new kind is one spec, one runner and one line here. */
final class PointKinds {

    /** The kind of a run section that names none. */
    static final String DEFAULT = "decode";

    private static final Map<String, PointRunner<?>> RUNNERS = new LinkedHashMap<>();

    static {
        RUNNERS.put("decode", new DecodeRunner());
        RUNNERS.put("mac-array", new MacArrayRunner());
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

    /** The tables every kind adds once its points have run, kinds in registry order. */
    static List<ResultTable> tables(List<PointSpec> specs, List<PointResult> results) {
        List<ResultTable> out = new ArrayList<>();
        for (PointRunner<?> runner : RUNNERS.values()) out.addAll(tablesOf(runner, specs, results));
        return out;
    }

    private static <S extends PointSpec> List<ResultTable> tablesOf(PointRunner<S> runner, List<PointSpec> specs,
                                                                     List<PointResult> results) {
        List<S> mine = new ArrayList<>();
        List<PointResult> theirs = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            if (!runner.specType().isInstance(specs.get(i))) continue;
            mine.add(runner.specType().cast(specs.get(i)));
            theirs.add(results.get(i));
        }
        return mine.isEmpty() ? List.of() : runner.tables(mine, theirs);
    }
}

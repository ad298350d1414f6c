package org.pocketsim.engine.point;

import org.pocketsim.engine.result.PointResult;
import org.pocketsim.engine.result.ResultTable;

import java.util.List;

/**
 * Seam: runs one kind of sweep point. {@link #prepare} makes every check a run would make and
 * resolves what the point reads, before any point of the experiment runs; the prepared point
 * then runs on its own, as a pure function of its spec, inputs and seed.
 *
 * @param <S> the kind's spec
 */
public interface PointRunner<S extends PointSpec> {

    /** The spec record this kind binds its run section to. */
    Class<S> specType();

    /**
     * Checks and resolves {@code spec}; user errors are thrown as
     * {@link org.pocketsim.hw.config.ConfigException}s located through {@code context}.
     */
    PreparedPoint prepare(S spec, PointContext context);

    /**
     * Tables this kind adds to the report once its points have run (a paper's figure beside ours,
     * conclusions across points); default none.
     *
     * @param specs   the specs of this kind's points, in point order
     * @param results their results, same order
     */
    default List<ResultTable> tables(List<S> specs, List<PointResult> results) {
        return List.of();
    }
}

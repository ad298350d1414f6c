package org.pocketsim.engine.point;

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
}

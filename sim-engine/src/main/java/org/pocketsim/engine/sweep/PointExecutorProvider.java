package org.pocketsim.engine.sweep;

/**
 * Makes a {@link PointExecutor} that lives in another module (Spark), found with
 * {@link java.util.ServiceLoader} from {@code META-INF/services/org.pocketsim.engine.sweep.PointExecutorProvider},
 * so the core command carries no cluster library.
 */
public interface PointExecutorProvider {

    /** The name {@code --executor} takes, e.g. {@code spark}. */
    String name();

    /**
     * @param jobs   points run at once, where the executor has such a knob
     * @param master where to run (e.g. a Spark master URL); null for the executor's default
     */
    PointExecutor create(int jobs, String master);
}

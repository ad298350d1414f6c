package org.pocketsim.spark;

import org.pocketsim.engine.sweep.PointExecutor;
import org.pocketsim.engine.sweep.PointExecutorProvider;

/** {@code --executor spark}: registered in META-INF/services, so the cli finds it only when this module is on the class path. */
public final class SparkExecutorProvider implements PointExecutorProvider {

    @Override
    public String name() {
        return "spark";
    }

    /** {@code jobs} is not used: Spark runs as many points at once as its executors have cores. */
    @Override
    public PointExecutor create(int jobs, String master) {
        return SparkPointExecutor.start(master);
    }
}

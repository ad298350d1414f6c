package org.pocketsim.engine.experiment;

import org.pocketsim.engine.point.PointContext;
import org.pocketsim.engine.point.PreparedPoint;
import org.pocketsim.engine.result.PointResult;
import org.pocketsim.engine.sweep.RemotePointWork;
import org.pocketsim.engine.sweep.SweepPoint;
import org.pocketsim.hw.config.ConfigSource;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An experiment as it travels to another JVM (a Spark executor): the config's text and
 * {@code --set} overrides, and the folder its relative paths start from. There it is rebuilt
 * once per JVM; each point shipped to it (its resolved run tree, seed and key) is bound and
 * prepared again and must resolve to the same key as on the driver, else the files it reads
 * (profiles, models, traces, which a cluster reads by path from a shared file system) differ
 * from the driver's and the point fails saying so. An executor in the driver's own JVM (Spark's
 * local mode) runs the driver's prepared point instead, while the driver offers them
 * ({@link #offerInThisJvm}): the same files by construction, so there is nothing to rebuild or check.
 *
 * @param fileName   the config file as the user named it, for error locations
 * @param baseDir    absolute folder relative paths start from (the config file's)
 * @param fileText   the config file's text
 * @param overrides  the {@code --set} arguments, in order
 * @param configHash the driver's config hash, which the rebuilt experiment must match
 * @param points     the sweep's number of points, for error messages
 */
public record RemoteExperiment(String fileName, String baseDir, String fileText, List<String> overrides,
                               String configHash, int points) implements RemotePointWork {

    private static final long serialVersionUID = 1L;

    /** The JSON writer of results: the one the driver's store uses (nulls kept, unlike the YAML binder's). */
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    /** The experiments rebuilt in this JVM, by their recipe. */
    private static final Map<RemoteExperiment, ExperimentLoader.Rebuilt> REBUILT = new ConcurrentHashMap<>();

    /**
     * The driver's prepared points by key, while its sweep runs in this JVM ({@link #offerInThisJvm}).
     * Re-preparing a cheap point costs more than running it (2,000 cheap decode points: about 1.5 s
     * of binding, preparing and keying on one core against 0.6 s of running on two).
     */
    private static final Map<RemoteExperiment, Map<String, PreparedPoint>> DRIVER_PREPARED = new ConcurrentHashMap<>();

    public RemoteExperiment {
        overrides = List.copyOf(overrides);
    }

    /**
     * Offers the driver's prepared points ({@code prepared}, by position, for {@code points}) to
     * executors in this JVM until the returned handle is closed; executors elsewhere rebuild.
     */
    public Offer offerInThisJvm(List<SweepPoint> points, List<PreparedPoint> prepared) {
        Map<String, PreparedPoint> byKey = new java.util.HashMap<>();
        for (int i = 0; i < points.size(); i++) byKey.put(points.get(i).hash(), prepared.get(i));
        DRIVER_PREPARED.put(this, byKey);
        return () -> DRIVER_PREPARED.remove(this, byKey);
    }

    @Override
    public String run(SweepPoint point) {
        Map<String, PreparedPoint> offered = DRIVER_PREPARED.get(this);
        PreparedPoint prepared = offered == null ? null : offered.get(point.hash());
        if (prepared == null) prepared = prepareAgain(point);
        PointResult result = ExperimentRunner.runPoint(point, prepared);
        try {
            return JSON.writeValueAsString(result);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write the result of point " + point.index(), e);
        }
    }

    /** Binds and prepares a shipped point in this JVM's rebuilt experiment, and checks it resolves to the driver's key. */
    private PreparedPoint prepareAgain(SweepPoint point) {
        ExperimentLoader.Rebuilt experiment = REBUILT.computeIfAbsent(this, RemoteExperiment::rebuild);
        PointContext context = new PointContext(experiment.shared(), point, points);
        PreparedPoint prepared = ExperimentLoader.prepare(point, context, experiment.origins());
        String key = ExperimentLoader.key(point, prepared);
        if (!key.equals(point.hash())) {
            throw new IllegalStateException("point " + point.index() + " (" + point.label() + ") resolves other inputs on "
                    + host() + " than on the driver (key " + key.substring(0, 16) + ", driver " + point.hash().substring(0, 16)
                    + "): the profiles, models or traces it reads under " + baseDir + " differ; every machine must see the same files at the same paths");
        }
        return prepared;
    }

    /** The driver's offer of its prepared points; closing it withdraws them. */
    public interface Offer extends AutoCloseable {
        /** No offer (an executor whose work runs in other JVMs). */
        Offer NONE = () -> { };

        @Override
        void close();
    }

    /** Whether this JVM has rebuilt this experiment from its recipe (for tests). */
    boolean rebuiltHere() {
        return REBUILT.containsKey(this);
    }

    private ExperimentLoader.Rebuilt rebuild() {
        ExperimentLoader.Rebuilt rebuilt = ExperimentLoader.rebuild(new ConfigSource(fileName, fileText), overrides, Path.of(baseDir));
        if (!rebuilt.configHash().equals(configHash)) {
            throw new IllegalStateException("the experiment rebuilt on " + host() + " has config hash " + rebuilt.configHash()
                    + ", the driver's " + configHash + ": run the same PocketSim version everywhere");
        }
        return rebuilt;
    }

    private static String host() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            return "this machine";
        }
    }
}

package org.pocketsim.engine.sweep;

import java.io.Serializable;

/**
 * A point's work as it travels to another JVM: serialisable, it rebuilds there whatever it needs
 * (once per JVM, not per point) and answers the point's result as the JSON text the driver reads
 * back. It throws as the local work would; the executor turns that into a failed point.
 */
public interface RemotePointWork extends Serializable {

    /** Runs {@code point} in this JVM; its result as JSON. */
    String run(SweepPoint point);
}

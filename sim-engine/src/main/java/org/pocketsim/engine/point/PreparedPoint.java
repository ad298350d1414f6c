package org.pocketsim.engine.point;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.pocketsim.engine.result.TraceProvenance;

import java.util.List;

/** A point checked and resolved, ready to run. */
public interface PreparedPoint {

    /**
     * Everything the result depends on beyond the point's own tree and seed: the resolved SoC
     * and model numbers, and what identifies each trace's contents. It keys the stored result.
     */
    ObjectNode inputs();

    /** The traces the point reads, as the report cites them. */
    List<TraceProvenance> traces();

    /** What the report should say about this point: what is calibrated, assumed or extrapolated. */
    List<String> notes();

    /** Runs the point. */
    PointOutcome run();
}

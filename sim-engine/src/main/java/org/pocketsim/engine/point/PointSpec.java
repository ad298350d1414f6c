package org.pocketsim.engine.point;

/**
 * One kind of sweep point, as the run section of an experiment names it with {@code run.kind}
 * (default {@code decode}). Each kind is one spec record here, one {@link PointRunner} and one
 * registration line in the experiment's point-kind registry; every kind returns the same
 * {@link PointOutcome}, so sweeps, stored points and reports serve all kinds unchanged.
 */
public sealed interface PointSpec permits DecodeSpec, MacArrayPointSpec, KernelReplaySpec {

    /** Free name of the point's run, shown in reports and matched by published references ("" if none). */
    String label();
}

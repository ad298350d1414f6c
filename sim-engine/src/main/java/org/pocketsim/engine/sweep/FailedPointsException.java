package org.pocketsim.engine.sweep;

import java.util.List;

/**
 * Some points of a sweep threw. Every other point finished and is stored, so a re-run runs only
 * these (and any never reached).
 *
 * @param failures the failed points in sweep order
 */
public final class FailedPointsException extends RuntimeException {

    /** One failed point: its index and label in the sweep, what it threw in one line, whether a config error. */
    public record Failure(int index, String label, String message, boolean configError) {
    }

    private final transient List<Failure> failures;
    private final int total;

    public FailedPointsException(List<Failure> failures, int total) {
        super(failures.size() + " of " + total + " points failed; the others are stored and a re-run retries only the failed ones");
        this.failures = List.copyOf(failures);
        this.total = total;
    }

    public List<Failure> failures() {
        return failures;
    }

    public int total() {
        return total;
    }
}

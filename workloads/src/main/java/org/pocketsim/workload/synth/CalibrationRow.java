package org.pocketsim.workload.synth;

/**
 * One line of a calibration report: a statistic of the generated trace beside the real value
 * it was calibrated to.
 *
 * @param section    {@code activation} or {@code routing}
 * @param layer      model layer
 * @param tensor     trace tensor ({@code mlp_in}, {@code down_in}, {@code experts})
 * @param statistic  statistic name ({@code q0.50}, {@code reuse_d1}, {@code top_expert_share}, ...)
 * @param generated  value on the generated trace
 * @param reference  real (or target) value, NaN when none exists
 * @param tolerance  allowed |generated − reference|, NaN when the row is informational
 * @param origin     where the reference comes from
 */
public record CalibrationRow(String section, int layer, String tensor, String statistic, double generated,
                             double reference, double tolerance, String origin) {

    /** Whether the row is within its tolerance (rows without reference or tolerance pass). */
    public boolean withinTolerance() {
        if (Double.isNaN(reference) || Double.isNaN(tolerance)) return true;
        return Math.abs(generated - reference) <= tolerance;
    }
}

package org.pocketsim.workload.synth;

/**
 * {@link MagnitudeQuantiles#magnitudeAt} tabulated over latent scores u in [-U_MAX, U_MAX] for
 * the hot loop: value and slope per interval interleaved in one float array (16 KiB, stays
 * in L1), so one lookup is a multiply-add.
 */
final class MagnitudeTable {

    static final float U_MAX = 5f;
    static final int INTERVALS = 2048;
    static final float INV_STEP = INTERVALS / (2 * U_MAX);

    private MagnitudeTable() {
    }

    /** Interleaved {value_i, value_{i+1} - value_i} for i in [0, INTERVALS). */
    static float[] build(MagnitudeQuantiles q) {
        float[] t = new float[2 * INTERVALS];
        double[] z = q.normalScores();
        double prev = q.magnitudeAt(-U_MAX, z);
        for (int i = 0; i < INTERVALS; i++) {
            double next = q.magnitudeAt(-U_MAX + (i + 1) / (double) INV_STEP, z);
            t[2 * i] = (float) prev;
            t[2 * i + 1] = (float) (next - prev);
            prev = next;
        }
        return t;
    }

    /** Table lookup with linear interpolation; u is clamped to the table range. */
    static float lookup(float[] table, float u) {
        float pos = (u + U_MAX) * INV_STEP;
        if (pos < 0f) pos = 0f;
        if (pos > INTERVALS - 1e-3f) pos = INTERVALS - 1e-3f;
        int i = (int) pos;
        return table[2 * i] + (pos - i) * table[2 * i + 1];
    }
}

package org.pocketsim.kernel.gemv;

import java.util.SplittableRandom;

/** Seeded test data and double-precision references for the GEMV tests. */
final class GemvFixtures {

    private GemvFixtures() {
    }

    static float[] gaussian(int n, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        float[] v = new float[n];
        for (int i = 0; i < n; i++) v[i] = (float) rnd.nextGaussian();
        return v;
    }

    /** y = W x in double, W row-major rows x cols. */
    static double[] reference(float[] w, int rows, int cols, float[] x) {
        double[] y = new double[rows];
        for (int r = 0; r < rows; r++) {
            double acc = 0;
            for (int c = 0; c < cols; c++) acc += (double) w[r * cols + c] * x[c];
            y[r] = acc;
        }
        return y;
    }

    /** ||y - ref|| / ||ref||. */
    static double relativeError(float[] y, double[] ref) {
        double err = 0;
        double norm = 0;
        for (int i = 0; i < ref.length; i++) {
            err += (y[i] - ref[i]) * (y[i] - ref[i]);
            norm += ref[i] * ref[i];
        }
        return Math.sqrt(err / norm);
    }
}

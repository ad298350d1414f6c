package org.pocketsim.kernel.sparsity;

/**
 * Weights of one GLU MLP block, row-major float32: {@code up} and {@code gate} are
 * {@code intermediate x hidden} (element {@code [j][i]} at {@code j * hidden + i}), {@code down}
 * is {@code hidden x intermediate}. Used by DIP to compute the GLU activation from the pruned
 * up/gate and the relative output error of the pruned layer.
 *
 * <p>The arrays are held, not copied (real layers are hundreds of MB); callers must not mutate
 * them after construction.
 */
public final class MlpWeights {

    private final int hidden;
    private final int intermediate;
    private final float[] up;
    private final float[] gate;
    private final float[] down;
    private final GluActivation activation;

    public MlpWeights(int hidden, int intermediate, float[] up, float[] gate, float[] down, GluActivation activation) {
        if (hidden < 1 || intermediate < 1) {
            throw new IllegalArgumentException("MLP dims must be positive, got hidden=" + hidden + " intermediate=" + intermediate);
        }
        long size = (long) hidden * intermediate;
        requireLength("up", up, size);
        requireLength("gate", gate, size);
        requireLength("down", down, size);
        if (activation == null) throw new IllegalArgumentException("activation is required");
        this.hidden = hidden;
        this.intermediate = intermediate;
        this.up = up;
        this.gate = gate;
        this.down = down;
        this.activation = activation;
    }

    private static void requireLength(String name, float[] w, long size) {
        if (w == null || w.length != size) {
            throw new IllegalArgumentException(name + " weights must hold " + size + " floats, got "
                    + (w == null ? "null" : String.valueOf(w.length)));
        }
    }

    public int hidden() { return hidden; }

    public int intermediate() { return intermediate; }

    public GluActivation activation() { return activation; }

    /**
     * GLU activation {@code h = act(gate x) * (up x)} where only the columns in
     * {@code cols[0..count)} of x are read (the rest count as zero); all columns when
     * {@code cols == null}. Written into {@code h[0..intermediate)}; accumulates in double.
     */
    public void glu(float[] x, int[] cols, int count, float[] h) {
        for (int j = 0; j < intermediate; j++) {
            int row = j * hidden;
            double u = 0;
            double g = 0;
            if (cols == null) {
                for (int i = 0; i < hidden; i++) {
                    u += (double) up[row + i] * x[i];
                    g += (double) gate[row + i] * x[i];
                }
            } else {
                for (int c = 0; c < count; c++) {
                    int i = cols[c];
                    u += (double) up[row + i] * x[i];
                    g += (double) gate[row + i] * x[i];
                }
            }
            h[j] = (float) (activation.apply(g) * u);
        }
    }

    /** Down projection {@code y = down h} reading only columns {@code cols[0..count)} of h (all when null), in double. */
    public void down(float[] h, int[] cols, int count, double[] y) {
        for (int r = 0; r < hidden; r++) {
            int row = r * intermediate;
            double acc = 0;
            if (cols == null) {
                for (int j = 0; j < intermediate; j++) acc += (double) down[row + j] * h[j];
            } else {
                for (int c = 0; c < count; c++) acc += (double) down[row + cols[c]] * h[cols[c]];
            }
            y[r] = acc;
        }
    }
}

package org.pocketsim.workload.synth;

/**
 * Streams one layer's activation rows (mlp_in or down_in) token by token.
 *
 * <p>Model: channel j at token t has a latent normal score
 * u_j(t) = √c · a_j + √(1−c) · z_j(t), where a_j is a fixed per-channel score (channel
 * persistence c: channels with large a_j are large for most tokens) and z_j an AR(1) process
 * with coefficient ρ (temporal persistence: top-k sets overlap from token to token). u is
 * standard normal over channels and tokens, and |x_j(t)| = Q(Φ(u_j(t))) with Q the target
 * magnitude quantile function, so the marginal |x| distribution of a layer is the calibrated
 * one whatever c and ρ; signs are independent fair coin flips.
 *
 * <p>All state lives in arrays sized at construction; a step allocates nothing.
 */
final class ActivationGenerator {

    private final int width;
    private final float[] base;
    private final float[] latent;
    private final float[] row;
    private final float[] table;
    private final float rho;
    private final float innovation;
    private final float mix;
    private final SplitMix64 rng;
    private int token = -1;

    ActivationGenerator(MagnitudeQuantiles target, int width, double channelPersistence, double temporalPersistence,
                        SplitMix64 rng) {
        this.width = width;
        this.rng = rng;
        this.table = MagnitudeTable.build(target);
        this.base = new float[width];
        double[] a = NormalScores.shuffledScores(width, rng);
        double sc = Math.sqrt(channelPersistence);
        for (int j = 0; j < width; j++) base[j] = (float) (sc * a[j]);
        this.latent = new float[width];
        this.row = new float[width];
        this.rho = (float) temporalPersistence;
        this.innovation = (float) Math.sqrt(1 - temporalPersistence * temporalPersistence);
        this.mix = (float) Math.sqrt(1 - channelPersistence);
    }

    int token() {
        return token;
    }

    int width() {
        return width;
    }

    /** Advances to the next token; token 0 draws the AR(1) state from its stationary distribution. */
    void step() {
        token++;
        final float r = token == 0 ? 0f : rho;
        final float n = token == 0 ? 1f : innovation;
        final float[] tab = table;
        final float[] normal = NormalScores.TABLE;
        final float maxPos = MagnitudeTable.INTERVALS - 1e-3f;
        long bits = 0;
        long signs = 0;
        for (int j = 0; j < width; j++) {
            if ((j & 3) == 0) bits = rng.nextLong();
            if ((j & 63) == 0) signs = rng.nextLong();
            float z = r * latent[j] + n * normal[(int) (bits & 0xFFFF)];
            bits >>>= 16;
            latent[j] = z;
            float pos = (base[j] + mix * z + MagnitudeTable.U_MAX) * MagnitudeTable.INV_STEP;
            pos = pos < 0f ? 0f : (pos > maxPos ? maxPos : pos);
            int i = (int) pos;
            float mag = tab[2 * i] + (pos - i) * tab[2 * i + 1];
            row[j] = Float.intBitsToFloat(Float.floatToRawIntBits(mag) | ((int) signs & 1) << 31);
            signs >>>= 1;
        }
    }

    void copyRow(float[] dst) {
        System.arraycopy(row, 0, dst, 0, width);
    }
}

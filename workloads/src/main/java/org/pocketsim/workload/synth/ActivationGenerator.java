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

    private static final float MAX_POS = MagnitudeTable.INTERVALS - 1e-3f;
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

    /**
     * Advances to the next token; token 0 draws the AR(1) state from its stationary distribution.
     * Random bits are consumed in a fixed order (per 64 channels: one word for the first four
     * normal draws, one for 64 signs, then one word per four draws), so rows depend on the seed only.
     */
    void step() {
        token++;
        final float r = token == 0 ? 0f : rho;
        final float n = token == 0 ? 1f : innovation;
        int j = 0;
        for (; j + 64 <= width; j += 64) {
            long bits = rng.nextLong();
            long signs = rng.nextLong();
            for (int q = j; q < j + 64; q += 4) {
                if (q != j) bits = rng.nextLong();
                channel(q, r, n, bits, signs >>> (q - j));
                channel(q + 1, r, n, bits >>> 16, signs >>> (q - j + 1));
                channel(q + 2, r, n, bits >>> 32, signs >>> (q - j + 2));
                channel(q + 3, r, n, bits >>> 48, signs >>> (q - j + 3));
            }
        }
        long bits = 0;
        long signs = 0;
        for (; j < width; j++) {
            if ((j & 3) == 0) bits = rng.nextLong();
            if ((j & 63) == 0) signs = rng.nextLong();
            channel(j, r, n, bits, signs);
            bits >>>= 16;
            signs >>>= 1;
        }
    }

    /** One channel: AR(1) step with the normal draw in the low 16 bits, table lookup, sign from bit 0. */
    private void channel(int j, float r, float n, long normalBits, long signBits) {
        float z = r * latent[j] + n * NormalScores.TABLE[(int) (normalBits & 0xFFFF)];
        latent[j] = z;
        float pos = (base[j] + mix * z + MagnitudeTable.U_MAX) * MagnitudeTable.INV_STEP;
        pos = pos < 0f ? 0f : Math.min(pos, MAX_POS);
        int i = (int) pos;
        float mag = table[2 * i] + (pos - i) * table[2 * i + 1];
        row[j] = Float.intBitsToFloat(Float.floatToRawIntBits(mag) | ((int) signBits & 1) << 31);
    }

    void copyRow(float[] dst) {
        System.arraycopy(row, 0, dst, 0, width);
    }
}

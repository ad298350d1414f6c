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
    private final long[] signWords;
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
        this.signWords = new long[(width + 63) / 64];
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
     * Advances to the next token: steps every channel's AR(1) state (token 0 draws it from the
     * stationary distribution) and draws the signs. Random bits are consumed in a fixed order
     * (per 64 channels: one word for the first four normal draws, one for the 64 signs, then
     * one word per four draws), so rows depend on the seed only.
     */
    void step() {
        token++;
        final float r = token == 0 ? 0f : rho;
        final float n = token == 0 ? 1f : innovation;
        final float[] normal = NormalScores.TABLE;
        final int mask = NormalScores.MASK;
        int j = 0;
        for (; j + 64 <= width; j += 64) {
            long bits = rng.nextLong();
            signWords[j >>> 6] = rng.nextLong();
            for (int q = j; q < j + 64; q += 4) {
                if (q != j) bits = rng.nextLong();
                latent[q] = r * latent[q] + n * normal[(int) (bits & mask)];
                latent[q + 1] = r * latent[q + 1] + n * normal[(int) ((bits >>> 16) & mask)];
                latent[q + 2] = r * latent[q + 2] + n * normal[(int) ((bits >>> 32) & mask)];
                latent[q + 3] = r * latent[q + 3] + n * normal[(int) ((bits >>> 48) & mask)];
            }
        }
        long bits = 0;
        for (; j < width; j++) {
            if ((j & 3) == 0) bits = rng.nextLong();
            if ((j & 63) == 0) signWords[j >>> 6] = rng.nextLong();
            latent[j] = r * latent[j] + n * normal[(int) (bits & mask)];
            bits >>>= 16;
        }
    }

    /**
     * Writes the current token's row: |x_j| from the latent score through the magnitude table,
     * sign from its stored bit. Recomputed on every read, so nothing but the state is kept.
     */
    void copyRow(float[] dst) {
        final float[] tab = table;
        for (int j = 0; j < width; j++) {
            float pos = (base[j] + mix * latent[j] + MagnitudeTable.U_MAX) * MagnitudeTable.INV_STEP;
            pos = pos < 0f ? 0f : Math.min(pos, MAX_POS);
            int i = (int) pos;
            float mag = tab[2 * i] + (pos - i) * tab[2 * i + 1];
            int sign = (int) (signWords[j >>> 6] >>> (j & 63)) & 1;
            dst[j] = Float.intBitsToFloat(Float.floatToRawIntBits(mag) | sign << 31);
        }
    }
}

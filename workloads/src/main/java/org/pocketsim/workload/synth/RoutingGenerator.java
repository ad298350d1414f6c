package org.pocketsim.workload.synth;

/**
 * Streams one MoE layer's router logits and chosen experts token by token from a
 * {@link RoutingLayerModel}. All state lives in arrays sized at construction; a step
 * allocates nothing.
 */
final class RoutingGenerator {

    private final RoutingLayerModel model;
    private final SplitMix64 rng;
    private final int experts;
    private final int topK;
    private final float[] fast;
    private final float[] slow;
    private final float[] logits;
    private final int[] chosen;
    private final float innovFast;
    private final float innovSlow;
    private final float wFast;
    private final float wSlow;
    private int token = -1;

    RoutingGenerator(RoutingLayerModel model, SplitMix64 rng) {
        this.model = model;
        this.rng = rng;
        this.experts = model.experts();
        this.topK = model.topK();
        this.fast = new float[experts];
        this.slow = new float[experts];
        this.logits = new float[experts];
        this.chosen = new int[topK];
        this.innovFast = (float) Math.sqrt(1 - model.rhoFast() * model.rhoFast());
        this.innovSlow = (float) Math.sqrt(1 - model.rhoSlow() * model.rhoSlow());
        this.wFast = (float) Math.sqrt(model.fastWeight());
        this.wSlow = (float) Math.sqrt(1 - model.fastWeight());
    }

    /** Index of the token whose logits and experts are current, -1 before the first step. */
    int token() {
        return token;
    }

    /** Advances to the next token: steps both processes (stationary draws for token 0) and re-selects. */
    void step() {
        token++;
        boolean first = token == 0;
        float rf = first ? 0f : (float) model.rhoFast();
        float rs = first ? 0f : (float) model.rhoSlow();
        float nf = first ? 1f : innovFast;
        float ns = first ? 1f : innovSlow;
        float scale = (float) model.logitScale();
        long bits = 0;
        for (int e = 0; e < experts; e++) {
            bits = rng.nextLong();
            fast[e] = rf * fast[e] + nf * NormalScores.fromBits(bits);
            slow[e] = rs * slow[e] + ns * NormalScores.fromBits(bits >>> 16);
            logits[e] = scale * ((float) model.biasOf(e) + wFast * fast[e] + wSlow * slow[e]);
        }
        selectTopK();
    }

    /** Insertion top-k: chosen[] ends sorted by descending logit (the model's order). */
    private void selectTopK() {
        int n = 0;
        for (int e = 0; e < experts; e++) {
            float v = logits[e];
            if (n == topK && v <= logits[chosen[n - 1]]) continue;
            int i = n == topK ? n - 1 : n++;
            while (i > 0 && logits[chosen[i - 1]] < v) {
                chosen[i] = chosen[i - 1];
                i--;
            }
            chosen[i] = e;
        }
    }

    int experts() {
        return experts;
    }

    int topK() {
        return topK;
    }

    void copyLogits(float[] dst) {
        System.arraycopy(logits, 0, dst, 0, experts);
    }

    void copyExperts(int[] dst) {
        System.arraycopy(chosen, 0, dst, 0, topK);
    }

    /** Generates {@code tokens} tokens from scratch and returns their expert sets (for fitting and tests). */
    static int[][] simulate(RoutingLayerModel model, long seed, int tokens) {
        RoutingGenerator g = new RoutingGenerator(model, SplitMix64.derive(seed, 0x5157));
        int[][] out = new int[tokens][model.topK()];
        for (int t = 0; t < tokens; t++) {
            g.step();
            g.copyExperts(out[t]);
        }
        return out;
    }
}

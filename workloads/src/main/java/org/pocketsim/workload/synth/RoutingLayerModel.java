package org.pocketsim.workload.synth;

import java.util.Arrays;

/**
 * Generative model of one MoE layer's router: logit_e(t) = scale · (bias_e + √w · f_e(t) + √(1−w) · s_e(t)),
 * where bias_e is the expert's persistent popularity, f a fast AR(1) process (coefficient
 * rhoFast: token-to-token reuse) and s a slow one (rhoSlow: topic-level drift, the reuse
 * plateau at larger distances); the top-k logits are the chosen experts.
 *
 * @param bias       popularity per expert id, in units of the noise standard deviation
 * @param topK       experts chosen per token
 * @param fastWeight share w of the noise variance in the fast process, in [0, 1]
 * @param rhoFast    AR(1) coefficient of the fast process, in [0, 1)
 * @param rhoSlow    AR(1) coefficient of the slow process, in [0, 1)
 * @param logitScale scale of the emitted logits (only their order matters for top-k)
 */
public record RoutingLayerModel(double[] bias, int topK, double fastWeight, double rhoFast, double rhoSlow,
                                double logitScale) {

    public RoutingLayerModel {
        if (bias == null || bias.length < 2) throw new IllegalArgumentException("bias needs at least 2 experts");
        bias = bias.clone();
        if (topK < 1 || topK > bias.length) throw new IllegalArgumentException("topK must be in 1.." + bias.length + ", got " + topK);
        unit("fastWeight", fastWeight, true);
        unit("rhoFast", rhoFast, false);
        unit("rhoSlow", rhoSlow, false);
        if (!(logitScale > 0)) throw new IllegalArgumentException("logitScale must be positive, got " + logitScale);
        for (double b : bias) if (!Double.isFinite(b)) throw new IllegalArgumentException("bias values must be finite");
    }

    private static void unit(String name, double v, boolean closed) {
        if (!(v >= 0 && (closed ? v <= 1 : v < 1))) {
            throw new IllegalArgumentException(name + " must be in [0, 1" + (closed ? "]" : ")") + ", got " + v);
        }
    }

    public int experts() {
        return bias.length;
    }

    @Override
    public double[] bias() {
        return bias.clone();
    }

    double biasOf(int expert) {
        return bias[expert];
    }

    /**
     * The same layer model with other temporal parameters, the popularity spread scaled by
     * {@code gamma} and the most popular expert's bias raised by {@code topBoost} (the top
     * expert's share is a statistic of its own, not set by the spread of the others).
     */
    RoutingLayerModel with(double gamma, double w, double rf, double rs, double topBoost) {
        double[] b = bias.clone();
        int top = 0;
        for (int i = 0; i < b.length; i++) {
            b[i] *= gamma;
            if (b[i] > b[top]) top = i;
        }
        b[top] += topBoost;
        return new RoutingLayerModel(b, topK, w, rf, rs, logitScale);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RoutingLayerModel m && Arrays.equals(bias, m.bias) && topK == m.topK
                && fastWeight == m.fastWeight && rhoFast == m.rhoFast && rhoSlow == m.rhoSlow && logitScale == m.logitScale;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bias) * 31 + Double.hashCode(fastWeight + rhoFast + rhoSlow) + topK;
    }

    @Override
    public String toString() {
        return String.format("RoutingLayerModel[experts=%d, topK=%d, w=%.3f, rhoFast=%.3f, rhoSlow=%.3f]",
                bias.length, topK, fastWeight, rhoFast, rhoSlow);
    }
}

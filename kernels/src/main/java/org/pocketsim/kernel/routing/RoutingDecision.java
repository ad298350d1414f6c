package org.pocketsim.kernel.routing;

/**
 * Caller-owned result of routing one token at one MoE layer, reused across calls: the experts
 * chosen (in descending original logit, ties to the lower id; in the model's order when passed
 * through from an expert-id trace), their mixing weights, cache hits, and quality proxies.
 */
public final class RoutingDecision {

    final int[] experts;
    final float[] weights;
    int count;
    boolean weightsKnown;
    int cacheHits;
    double massKept;
    double topKMass;
    int changed;

    /** A holder for routers choosing {@code k} experts. */
    public RoutingDecision(int k) {
        if (k < 1) throw new IllegalArgumentException("k must be at least 1, got " + k);
        experts = new int[k];
        weights = new float[k];
    }

    /** Chosen expert ids, valid in {@code [0, count())}; do not modify. */
    public int[] experts() { return experts; }

    /** Mixing weights of the chosen experts, aligned with {@link #experts()}; NaN when unknown. */
    public float[] weights() { return weights; }

    public int count() { return count; }

    /** False when the trace carried no logits, so weights are unknown (NaN). */
    public boolean weightsKnown() { return weightsKnown; }

    /** Chosen experts resident in the cache view, or -1 when none was given. */
    public int cacheHits() { return cacheHits; }

    /** Router probability mass of the chosen experts: sum of their full-softmax probabilities (NaN without logits). */
    public double massKept() { return massKept; }

    /** Probability mass plain top-k would have kept (NaN without logits). */
    public double topKMass() { return topKMass; }

    /** Share of plain top-k's mass kept: {@code massKept / topKMass} (NaN without logits). */
    public double massKeptShare() { return massKept / topKMass; }

    /** Number of chosen experts that plain top-k would not have chosen. */
    public int changed() { return changed; }

    /** Share of this token's expert decisions changed versus plain top-k: {@code changed / count}. */
    public double changedShare() { return (double) changed / count; }
}

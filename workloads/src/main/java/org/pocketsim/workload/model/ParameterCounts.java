package org.pocketsim.workload.model;

/**
 * Parameter counts of a model per {@link Component}, split into weights a quantiser stores at
 * the weight precision (matrices) and weights kept at 16-bit precision (norm vectors, biases,
 * routers and shared-expert gates, as llama.cpp and GPTQ-style quantisers do).
 */
public final class ParameterCounts {

    private static final int N = Component.values().length;
    private final long[] matrix = new long[N];
    private final long[] vector = new long[N];
    private long activeRoutedExperts;

    private ParameterCounts() {
    }

    static ParameterCounts of(ModelSpec s) {
        ParameterCounts c = new ParameterCounts();
        AttentionSpec a = s.attention();
        c.matrix(Component.EMBEDDING, (long) s.vocab() * s.hidden() + (long) s.positionEmbeddings() * s.hidden());
        if (!s.tiedEmbeddings()) c.matrix(Component.LM_HEAD, (long) s.vocab() * s.hidden());
        if (s.lmHeadBias()) c.vector(Component.LM_HEAD, s.vocab());
        c.vector(Component.NORMS, s.norm().params(s.hidden()));
        for (int layer = 0; layer < s.layers(); layer++) {
            LayerShapes shapes = s.layerShapes(layer);
            c.vector(Component.NORMS, 2 * s.norm().params(s.hidden()));
            c.matrix(Component.ATTENTION, shapes.attentionMatrixParams());
            c.vector(Component.ATTENTION, shapes.kind() == LayerKind.LINEAR
                    ? s.linearAttention().vectorParams(s.norm()) : attentionVectors(s, a));
            if (shapes.isMoe()) {
                MoeLayerShapes m = shapes.moe();
                c.vector(Component.ROUTERS, m.router().params());
                c.matrix(Component.ROUTED_EXPERTS, m.experts() * m.expert().params());
                c.activeRoutedExperts += m.topK() * m.expert().params();
                if (m.shared() != null) c.matrix(Component.SHARED_EXPERTS, m.sharedExperts() * m.shared().params());
                if (m.sharedGate() != null) c.vector(Component.SHARED_EXPERTS, m.sharedGate().params());
            } else {
                c.matrix(Component.DENSE_MLP, shapes.dense().params());
                if (s.mlpBias()) c.vector(Component.DENSE_MLP, mlpBias(s, shapes.dense()));
            }
        }
        return c;
    }

    private static long attentionVectors(ModelSpec s, AttentionSpec a) {
        long v = 0;
        if (a.qkvBias()) v += (long) a.heads() * a.headDim() + 2L * a.kvHeads() * a.headDim();
        if (a.outBias()) v += s.hidden();
        switch (a.qkNorm()) {
            case PER_HEAD -> v += 2 * s.norm().params(a.headDim());
            case FULL -> v += s.norm().params(a.heads() * a.headDim()) + s.norm().params(a.kvHeads() * a.headDim());
            case NONE -> { }
        }
        if (a.kind() == AttentionKind.MLA) {
            v += s.norm().params(a.mla().kvLoraRank());
            if (a.mla().qLoraRank() > 0) v += s.norm().params(a.mla().qLoraRank());
        }
        return v;
    }

    private static long mlpBias(ModelSpec s, FfnShapes f) {
        int projectionsIntoIntermediate = f.gate() == null ? 1 : 2;
        return (long) projectionsIntoIntermediate * f.intermediate() + s.hidden();
    }

    private void matrix(Component c, long n) {
        matrix[c.ordinal()] += n;
    }

    private void vector(Component c, long n) {
        vector[c.ordinal()] += n;
    }

    /** All parameters of a component. */
    public long params(Component c) {
        return matrix[c.ordinal()] + vector[c.ordinal()];
    }

    /** Parameters of a component stored at the weight precision. */
    public long matrixParams(Component c) {
        return matrix[c.ordinal()];
    }

    /** Parameters of a component kept at 16-bit precision. */
    public long vectorParams(Component c) {
        return vector[c.ordinal()];
    }

    /** All parameters. */
    public long total() {
        long sum = 0;
        for (Component c : Component.values()) sum += params(c);
        return sum;
    }

    /** Parameters one token uses: everything except the routed experts it is not routed to. */
    public long active() {
        return total() - params(Component.ROUTED_EXPERTS) + activeRoutedExperts;
    }

    /** Routed-expert parameters one token uses (top-k experts of every MoE layer). */
    public long activeRoutedExperts() {
        return activeRoutedExperts;
    }
}

package org.pocketsim.engine.decode;

import org.pocketsim.workload.model.ModelSpec;

/**
 * The graph a llama.cpp-style CPU engine evaluates per token, counted for the CPU model's fixed
 * cost per node and its element-wise work: {@value #NODES_PER_LAYER} nodes per transformer layer
 * and {@value #NODES_OUTSIDE_LAYERS} outside them, as the shipped GGML_PERF log of Llama-2-7B
 * shows (1,124 nodes per decode graph = 35 x 32 layers + 4: embedding lookup, final norm and
 * scale, output matrix; brave-experiments/MELT-public@15dcd82c). Element-wise operations per layer
 * and token, with the per-element counts of {@code kernel.work.NodeWork}: two RMS norms (3 per
 * element) and their scales, two residual adds, the attention output copy, SiLU (4) and the gate
 * product over the FFN width, rotary embedding of queries and keys (4), the KV-cache copies, and
 * scale, mask and softmax (1 + 1 + 4) over every head's cached positions.
 */
public final class GraphNodes {

    static final int NODES_PER_LAYER = 35;
    static final int NODES_OUTSIDE_LAYERS = 4;

    private final long nodes;
    private final long fixedOpsPerToken;
    private final long scoreOpsPerCachedToken;

    public GraphNodes(ModelSpec model) {
        var a = model.attention();
        long h = model.hidden();
        long qk = (long) (a.heads() + a.kvHeads()) * a.headDim();
        long kv = 2L * a.kvHeads() * a.headDim();
        long perLayer = 2 * 3 * h + 2 * h + 2 * h + h + 5L * model.intermediate() + 4 * qk + kv;
        this.nodes = (long) NODES_PER_LAYER * model.layers() + NODES_OUTSIDE_LAYERS;
        this.fixedOpsPerToken = perLayer * model.layers() + 4 * h;
        this.scoreOpsPerCachedToken = 6L * a.heads() * model.layers();
    }

    /** Graph nodes per evaluated graph (one token in decode, one chunk in prefill). */
    public long nodes() {
        return nodes;
    }

    /** Element-wise operations of one token attending to {@code kvTokens} cached positions. */
    public long elementOps(long kvTokens) {
        return fixedOpsPerToken + scoreOpsPerCachedToken * kvTokens;
    }
}

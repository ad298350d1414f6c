package org.pocketsim.engine.decode;

import org.pocketsim.workload.model.ModelSpec;

/**
 * The graph a llama.cpp-style CPU engine evaluates per token, counted for the CPU model's fixed
 * cost per thread barrier and its element-wise work: {@value #NODES_PER_LAYER} nodes per
 * transformer layer and {@value #NODES_OUTSIDE_LAYERS} outside them, as the shipped GGML_PERF log
 * of Llama-2-7B shows (1,124 nodes per decode graph = 35 x 32 layers + 4: embedding lookup, final
 * norm and scale, output matrix; brave-experiments/MELT-public@15dcd82c).
 *
 * <p>Barriers: ggml's graph loop waits for all threads after every node, and a matrix product
 * (MUL_MAT, MUL_MAT_ID) waits once more inside, after its threads quantise the activations
 * ({@code compute.KernelLibrary#barriersPerMatrixProduct}; {@code ggml_compute_forward_mul_mat},
 * ggml/src/ggml-cpu/ggml-cpu.c as shipped in
 * eziyoo/LLMs-on-Devices@0d0e9706:android-app, the E1 measurements' build). A dense layer has
 * {@value #MATRIX_NODES_PER_LAYER} matrix products (q, k, v, o, the two attention products, up,
 * gate, down), the graph one more (the output matrix).
 *
 * <p>An MoE layer replaces the dense FFN's {@value #DENSE_FFN_NODES} nodes by the routed ones of
 * {@code llm_graph_context::build_moe_ffn} (src/llama-graph.cpp, same build): router product,
 * softmax, top-k (argsort and view), the probabilities' reshape and row gather, the input's
 * reshape, three expert products (up, gate, down: MUL_MAT_ID), the gated activation, the
 * weighting product, then one view per chosen expert and an add for each but the first to sum
 * them: 2k + {@value #MOE_FIXED_NODES} nodes with 4 matrix products for k experts per token.
 * Shared experts add a dense FFN and its add.
 *
 * <p>Element-wise operations per layer and token, with the per-element counts of
 * {@code kernel.work.NodeWork}: two RMS norms (3 per element) and their scales, two residual
 * adds, the attention output copy, SiLU (4) and the gate product over the FFN width, rotary
 * embedding of queries and keys (4), the KV-cache copies, and scale, mask and softmax
 * (1 + 1 + 4) over every head's cached positions.
 */
public final class GraphNodes {

    static final int NODES_PER_LAYER = 35;
    static final int NODES_OUTSIDE_LAYERS = 4;
    static final int MATRIX_NODES_PER_LAYER = 9;
    static final int DENSE_FFN_NODES = 5;
    static final int MOE_FIXED_NODES = 11;

    private final long nodes;
    private final long matrixProducts;
    private final long fixedOpsPerToken;
    private final long scoreOpsPerCachedToken;

    public GraphNodes(ModelSpec model) {
        var a = model.attention();
        long h = model.hidden();
        long qk = (long) (a.heads() + a.kvHeads()) * a.headDim();
        long kv = 2L * a.kvHeads() * a.headDim();
        long perLayer = 2 * 3 * h + 2 * h + 2 * h + h + 5L * model.intermediate() + 4 * qk + kv;
        long n = (long) (NODES_PER_LAYER + optionalNodesPerLayer(model)) * model.layers() + NODES_OUTSIDE_LAYERS;
        long matrix = (long) MATRIX_NODES_PER_LAYER * model.layers() + 1;
        if (model.moe() != null) {
            var moe = model.moe();
            long moeLayers = model.moeLayers().size();
            boolean shared = moe.sharedExperts() > 0;
            n += moeLayers * (2L * moe.topK() + MOE_FIXED_NODES - DENSE_FFN_NODES + (shared ? DENSE_FFN_NODES + 1 : 0));
            matrix += moeLayers * (1 + (shared ? 3 : 0));   // router + 3 expert products for the dense 3; a shared FFN's 3
        }
        this.nodes = n;
        this.matrixProducts = matrix;
        this.fixedOpsPerToken = perLayer * model.layers() + 4 * h;
        this.scoreOpsPerCachedToken = 6L * a.heads() * model.layers();
    }

    /**
     * Nodes a layer adds to the Llama layer's 35 for what the model has: an ADD per bias of q, k
     * and v, of the attention output and of the FFN's up and down products, and an RMS_NORM and
     * its MUL for each of q and k under QK-norm (the ggml_add and build_norm calls of
     * src/llama-model.cpp's graph builders, e.g. llm_build_qwen2 and llm_build_olmoe, same build).
     */
    static int optionalNodesPerLayer(ModelSpec model) {
        var a = model.attention();
        return (a.qkvBias() ? 3 : 0) + (a.outBias() ? 1 : 0) + (model.mlpBias() ? 2 : 0)
                + (a.qkNorm() != org.pocketsim.workload.model.QkNorm.NONE ? 4 : 0);
    }

    /** Graph nodes per evaluated graph (one token in decode, one chunk in prefill). */
    public long nodes() {
        return nodes;
    }

    /** Matrix products (MUL_MAT, MUL_MAT_ID) per evaluated graph; ggml waits twice in each. */
    public long matrixProducts() {
        return matrixProducts;
    }

    /** Element-wise operations of one token attending to {@code kvTokens} cached positions. */
    public long elementOps(long kvTokens) {
        return fixedOpsPerToken + scoreOpsPerCachedToken * kvTokens;
    }
}

package org.pocketsim.engine.decode;

import org.pocketsim.workload.model.AttentionSpec;
import org.pocketsim.workload.model.FfnShapes;
import org.pocketsim.workload.model.LayerKind;
import org.pocketsim.workload.model.LayerShapes;
import org.pocketsim.workload.model.MatrixShape;
import org.pocketsim.workload.model.ModelSpec;
import org.pocketsim.workload.model.MoeLayerShapes;

/**
 * Lowers one generated token of a {@link ModelSpec} into bytes and MACs per component:
 * attention projections, the KV cache read at the current length, the recurrent state of
 * linear-attention layers, the MLP (dense, sparse, or the chosen and shared experts of MoE
 * layers, with dense layers wherever the model puts them), norms, one embedding row and the LM
 * head. Everything that does not depend on the token is computed once here, so lowering a
 * token is a handful of additions and allocates nothing.
 *
 * <p>Accounting: a matrix of {@code p} weights costs {@code p * bits / 8} bytes and {@code p}
 * MACs per token; attention over {@code n} cached tokens costs {@code n * heads * headDim * 2}
 * MACs per full-attention layer (scores and weighted values; for MLA the latent width replaces
 * {@code headDim}); norms read their fp16 weight vectors; activations stay on chip and are not
 * counted. A linear-attention layer (see {@link org.pocketsim.workload.model.LinearAttentionSpec})
 * has no KV cache: per token it reads its projections and its fp16 vectors (conv taps, decay
 * vectors, gated norm), reads and writes its whole recurrent state, and spends a constant number
 * of MACs on its convolution and state update (counted with attention); so its cost does not
 * grow with the sequence.
 */
public final class DecodeLowering {

    private static final int NORM_BYTES_PER_VALUE = 2;

    private final ModelSpec model;
    private final double kvBitsPerValue;
    private long attentionBytes;
    private long attentionMacs;
    private long denseMlpBytes;
    private long denseMlpMacs;
    private long routerBytes;
    private long routerMacs;
    private long sharedExpertBytes;
    private long sharedExpertMacs;
    private long chosenRoutedBytes;
    private long chosenRoutedMacs;
    private long allRoutedBytes;
    private long largestMatrixBytes;
    private final long normBytes;
    private final long embeddingRowBytes;
    private final long embeddingTableBytes;
    private final long lmHeadBytes;
    private final long lmHeadMacs;
    private final long kvValuesPerTokenAllLayers;
    private final long scoreMacsPerCachedToken;
    private final long recurrentStateBytes;

    /** As {@link #DecodeLowering(ModelSpec, WeightPlan, double, double)} with the state at the KV cache's precision (assumed). */
    public DecodeLowering(ModelSpec model, WeightPlan plan, double kvBitsPerValue) {
        this(model, plan, kvBitsPerValue, kvBitsPerValue);
    }

    /**
     * @param stateBitsPerValue bits per value of the recurrent state of linear-attention layers
     *                          (no effect on models without them)
     */
    public DecodeLowering(ModelSpec model, WeightPlan plan, double kvBitsPerValue, double stateBitsPerValue) {
        this.model = model;
        this.kvBitsPerValue = kvBitsPerValue;
        long kvValues = 0;
        long stateValues = 0;
        for (int layer = 0; layer < model.layers(); layer++) {
            LayerShapes shapes = model.layerShapes(layer);
            for (MatrixShape m : shapes.attentionProjections()) {
                long matrixBytes = bytes(m.params(), plan.bits(layer, m.name(), m.cols()));
                largestMatrixBytes = Math.max(largestMatrixBytes, matrixBytes);
                attentionBytes += matrixBytes;
                attentionMacs += m.params();
            }
            if (shapes.kind() == LayerKind.LINEAR) {
                attentionBytes += model.linearAttention().vectorParams(model.norm()) * NORM_BYTES_PER_VALUE;
                attentionMacs += shapes.mixerMacsPerToken();
                stateValues += shapes.stateValues();
            }
            if (shapes.isMoe()) {
                addMoe(shapes.moe(), layer, plan);
            } else {
                denseMlpBytes += ffnBytes(shapes.dense(), layer, plan);
                denseMlpMacs += shapes.dense().params();
            }
            kvValues += shapes.kvValuesPerToken();
        }
        kvValuesPerTokenAllLayers = kvValues;
        recurrentStateBytes = bytes(stateValues, stateBitsPerValue);
        AttentionSpec a = model.attention();
        int scoreWidth = a.kind() == org.pocketsim.workload.model.AttentionKind.MLA ? a.mla().kvValuesPerToken() : a.headDim();
        scoreMacsPerCachedToken = (long) model.layersOf(LayerKind.FULL).size() * a.heads() * scoreWidth * 2;
        normBytes = (2L * model.layers() + 1) * model.hidden() * NORM_BYTES_PER_VALUE;
        embeddingRowBytes = bytes(model.hidden(), plan.embeddingBits());
        embeddingTableBytes = bytes((long) model.vocab() * model.hidden(), plan.embeddingBits());
        long headParams = (long) model.vocab() * model.hidden();
        lmHeadBytes = bytes(headParams, plan.lmHeadBits(model.hidden()));
        lmHeadMacs = headParams;
    }

    private void addMoe(MoeLayerShapes moe, int layer, WeightPlan plan) {
        long expertBytes = ffnBytes(moe.expert(), layer, plan);
        long sharedBytes = moe.sharedExperts() == 0 ? 0 : moe.sharedExperts() * ffnBytes(moe.shared(), layer, plan);
        long sharedMacs = moe.sharedExperts() == 0 ? 0 : moe.sharedExperts() * moe.shared().params();
        long gate = moe.sharedGate() == null ? 0 : moe.sharedGate().params();
        routerBytes += bytes(moe.router().params() + gate, plan.bits(layer, "router", moe.router().cols()));
        routerMacs += moe.router().params() + gate;
        sharedExpertBytes += sharedBytes;
        sharedExpertMacs += sharedMacs;
        chosenRoutedBytes += (long) moe.topK() * expertBytes;
        chosenRoutedMacs += (long) moe.topK() * moe.expert().params();
        allRoutedBytes += (long) moe.experts() * expertBytes;
    }

    private long ffnBytes(FfnShapes f, int layer, WeightPlan plan) {
        long down = bytes(f.down().params(), plan.bits(layer, "down", f.down().cols()));
        largestMatrixBytes = Math.max(largestMatrixBytes, down);
        long sum = bytes(f.up().params(), plan.bits(layer, "up", f.up().cols())) + down;
        if (f.gate() != null) sum += bytes(f.gate().params(), plan.bits(layer, "gate", f.gate().cols()));
        return sum;
    }

    public static long bytes(long weights, double bits) {
        return (long) Math.ceil(weights * bits / 8.0);
    }

    /**
     * Adds to {@code into} (as DRAM traffic) what one token reads besides the dense MLP: attention
     * projections, the KV cache of {@code kvTokens} cached tokens (at most a sliding window), the
     * recurrent state of linear-attention layers (read and written back: twice its bytes), norms,
     * one embedding row, the LM head, and for MoE layers the router plus the chosen and shared experts.
     */
    public void lowerStatic(int kvTokens, WorkGroup into) {
        lowerStatic(kvTokens, into, into, into, true);
    }

    /**
     * As {@link #lowerStatic(int, WorkGroup)}, with each kernel kind's reads in its own group;
     * without {@code routedExperts} the chosen routed experts are left to an expert cache.
     */
    public void lowerStatic(int kvTokens, WorkGroup attention, WorkGroup mlp, WorkGroup head, boolean routedExperts) {
        int attended = attendedTokens(kvTokens);
        attention.dram(Component.ATTENTION, attentionBytes, attentionMacs + attended * scoreMacsPerCachedToken);
        attention.dram(Component.KV_CACHE, kvBytes(attended), 0);
        if (recurrentStateBytes > 0) attention.dram(Component.RECURRENT_STATE, 2 * recurrentStateBytes, 0);
        attention.dram(Component.NORMS, normBytes, 0);
        head.dram(Component.EMBEDDING, embeddingRowBytes, 0);
        head.dram(Component.LM_HEAD, lmHeadBytes, lmHeadMacs);
        if (model.isMoe()) {
            mlp.dram(Component.ROUTER, routerBytes, routerMacs);
            mlp.dram(Component.EXPERTS, sharedExpertBytes + (routedExperts ? chosenRoutedBytes : 0),
                    sharedExpertMacs + (routedExperts ? chosenRoutedMacs : 0));
        }
    }

    /** Tokens a query attends to and the KV cache keeps: all of them, or the sliding window's worth. */
    public int attendedTokens(int kvTokens) {
        int window = model.attention().slidingWindow();
        return window > 0 ? Math.min(kvTokens, window) : kvTokens;
    }

    /** Bytes of the KV cache holding {@code tokens} tokens: full-attention layers only. */
    public long kvBytes(long tokens) {
        return bytes(tokens * kvValuesPerTokenAllLayers, kvBitsPerValue);
    }

    /**
     * Bytes of the recurrent state of all linear-attention layers (0 without them): fixed for the
     * whole sequence, read and written every token, resident in DRAM.
     */
    public long recurrentStateBytes() {
        return recurrentStateBytes;
    }

    /** Bytes of every routed expert of every MoE layer (0 for dense models). */
    public long allRoutedExpertBytes() {
        return allRoutedBytes;
    }

    /** Bytes of the routed experts one token chooses (top-k in every MoE layer). */
    public long chosenRoutedExpertBytes() {
        return chosenRoutedBytes;
    }

    /** Bytes of the largest weight matrix: the request size of weights streamed whole from flash. */
    public long largestMatrixBytes() {
        return largestMatrixBytes;
    }

    /** Bytes and MACs of all dense MLP layers (0 for all-MoE models). */
    public long denseMlpBytes() {
        return denseMlpBytes;
    }

    public long denseMlpMacs() {
        return denseMlpMacs;
    }

    /**
     * DRAM footprint of everything but the dense MLP and the KV cache: the whole embedding table and
     * the LM head (a tied table once, stored as the LM head: llama.cpp quantises a tied
     * token_embd as its output matrix, src/llama-quant.cpp), attention, norms, routers, every
     * expert, and the recurrent state of linear-attention layers ({@link #recurrentStateBytes()},
     * included so that callers that size DRAM from this figure and the KV cache count it).
     */
    public long staticFootprintBytes() {
        long tables = model.tiedEmbeddings() ? lmHeadBytes : embeddingTableBytes + lmHeadBytes;
        return tables + attentionBytes + normBytes + routerBytes + sharedExpertBytes + allRoutedBytes + recurrentStateBytes;
    }

    /** Weight bytes one token reads (no KV): attention, norms, embedding row, LM head, chosen experts, dense MLP. */
    public long weightBytesPerToken() {
        return attentionBytes + normBytes + embeddingRowBytes + lmHeadBytes + routerBytes + sharedExpertBytes + chosenRoutedBytes
                + denseMlpBytes;
    }

    /** Bytes of the LM head (the output matrix). */
    public long lmHeadBytes() {
        return lmHeadBytes;
    }

    /** MACs of the LM head for one token. */
    public long lmHeadMacs() {
        return lmHeadMacs;
    }

    /** MACs of the matrices for one token, attention scores excluded. */
    public long matrixMacsPerToken() {
        return attentionMacs + lmHeadMacs + routerMacs + sharedExpertMacs + chosenRoutedMacs + denseMlpMacs;
    }

    /** MACs of attention scores per cached token (all full-attention layers). */
    public long scoreMacsPerCachedToken() {
        return scoreMacsPerCachedToken;
    }
}

package org.pocketsim.engine.decode;

import org.pocketsim.kernel.format.GgmlFormat;

/**
 * Bits per weight of every matrix of a model: one format for all matrices, or a llama.cpp
 * mix that gives some matrices more bits.
 *
 * <p>Mixes follow llama.cpp's {@code llama_tensor_get_type}: {@code q4_k_m} stores the output
 * (LM head) in q6_k, and {@code attn_v} and {@code ffn_down} in q6_k in "more bits" layers
 * (the first and last eighth of the layers and every third layer between them), all else in
 * q4_k; {@code q4_k_s} is q4_k everywhere but the q6_k output; {@code iq4_xs} and {@code iq4_nl}
 * store the output in q6_k and, in models whose query heads share a KV head four or more ways
 * ({@code n_gqa() >= 4}: Llama-3, Qwen2), {@code attn_v} in q5_k. The embedding table is read one
 * row per token, so its format barely matters; it follows the main format. Not modelled: rules
 * that depend on an importance matrix or a model size, and fused {@code attn_qkv} tensors.
 *
 * <p>A llama.cpp block type is stored the way llama.cpp's quantiser stores it for the matrix's row
 * length ({@link GgmlFormat#storedAs}): where 256 does not divide the row (Qwen2-0.5B's hidden
 * 896), k-quants and i-quants fall back to 32-weight types, so the bits depend on the matrix.
 */
public final class WeightPlan {

    private final String main;
    private final String more;
    private final boolean mixVAndDown;
    /** The type of every layer's {@code v}, or null when {@code v} follows the other rules. */
    private final String v;
    private final String lmHead;
    private final int layers;

    private WeightPlan(String main, String more, boolean mixVAndDown, String v, String lmHead, int layers) {
        WeightBits.of(main);
        WeightBits.of(lmHead);
        this.main = main;
        this.more = more;
        this.mixVAndDown = mixVAndDown;
        this.v = v;
        this.lmHead = lmHead;
        this.layers = layers;
    }

    /** As {@link #of(String, String, int, int)} for a model without grouped-query attention. */
    public static WeightPlan of(String weights, String lmHead, int layers) {
        return of(weights, lmHead, layers, 1);
    }

    /**
     * The plan for weight format {@code weights} on a model of {@code layers} layers whose query
     * heads share each KV head {@code gqa} ways ({@link org.pocketsim.workload.model.AttentionSpec#queriesPerKvHead}), with the LM head in
     * {@code lmHead} when not null (else as the mix or format says).
     */
    public static WeightPlan of(String weights, String lmHead, int layers, int gqa) {
        WeightPlan plan = switch (weights) {
            case "q4_k_m" -> new WeightPlan("q4_k", "q6_k", true, null, "q6_k", layers);
            case "q4_k_s" -> new WeightPlan("q4_k", "q4_k", false, null, "q6_k", layers);
            case "iq4_xs", "iq4_nl" -> new WeightPlan(weights, weights, false, gqa >= 4 ? "q5_k" : null, "q6_k", layers);
            default -> new WeightPlan(weights, weights, false, null, weights, layers);
        };
        return lmHead == null ? plan : new WeightPlan(plan.main, plan.more, plan.mixVAndDown, plan.v, lmHead, layers);
    }

    /**
     * Bits per weight of matrix {@code matrix} (q, k, v, o, up, gate, down, router ...) of layer
     * {@code layer}, whose rows hold {@code rowLength} weights (its input width).
     */
    public double bits(int layer, String matrix, int rowLength) {
        if (v != null && matrix.equals("v")) return WeightBits.of(GgmlFormat.storedAs(v, rowLength));
        boolean moreBits = mixVAndDown && (matrix.equals("v") || matrix.equals("down")) && useMoreBits(layer, layers);
        return WeightBits.of(GgmlFormat.storedAs(moreBits ? more : main, rowLength));
    }

    /** Bits per weight of the LM head, whose rows hold {@code hidden} weights. */
    public double lmHeadBits(int hidden) {
        return WeightBits.of(GgmlFormat.storedAs(lmHead, hidden));
    }

    public double embeddingBits() {
        return WeightBits.of(main);
    }

    /** llama.cpp's {@code use_more_bits(i, n)}: i < n/8, i >= 7n/8, or (i - n/8) % 3 == 2. */
    static boolean useMoreBits(int layer, int layers) {
        return layer < layers / 8 || layer >= 7 * layers / 8 || (layer - layers / 8) % 3 == 2;
    }
}

package org.pocketsim.engine.decode;

/**
 * Bits per weight of every matrix of a model: one format for all matrices, or a llama.cpp
 * mix that gives some matrices more bits.
 *
 * <p>Mixes follow llama.cpp's {@code llama_tensor_get_type}: {@code q4_k_m} stores the output
 * (LM head) in q6_k, and {@code attn_v} and {@code ffn_down} in q6_k in "more bits" layers
 * (the first and last eighth of the layers and every third layer between them), all else in
 * q4_k; {@code q4_k_s} is q4_k everywhere but the q6_k output. The embedding table is read one
 * row per token, so its format barely matters; it follows the main format.
 */
public final class WeightPlan {

    private final double mainBits;
    private final double moreBits;
    private final boolean mixVAndDown;
    private final double lmHeadBits;
    private final int layers;

    private WeightPlan(double mainBits, double moreBits, boolean mixVAndDown, double lmHeadBits, int layers) {
        this.mainBits = mainBits;
        this.moreBits = moreBits;
        this.mixVAndDown = mixVAndDown;
        this.lmHeadBits = lmHeadBits;
        this.layers = layers;
    }

    /**
     * The plan for weight format {@code weights} on a model of {@code layers} layers, with the
     * LM head in {@code lmHead} when not null (else as the mix or format says).
     */
    public static WeightPlan of(String weights, String lmHead, int layers) {
        WeightPlan plan = switch (weights) {
            case "q4_k_m" -> new WeightPlan(WeightBits.of("q4_k"), WeightBits.of("q6_k"), true, WeightBits.of("q6_k"), layers);
            case "q4_k_s" -> new WeightPlan(WeightBits.of("q4_k"), WeightBits.of("q4_k"), false, WeightBits.of("q6_k"), layers);
            default -> {
                double bits = WeightBits.of(weights);
                yield new WeightPlan(bits, bits, false, bits, layers);
            }
        };
        return lmHead == null ? plan : new WeightPlan(plan.mainBits, plan.moreBits, plan.mixVAndDown, WeightBits.of(lmHead), layers);
    }

    /** Bits per weight of matrix {@code matrix} (q, k, v, o, up, gate, down, router ...) of layer {@code layer}. */
    public double bits(int layer, String matrix) {
        if (mixVAndDown && (matrix.equals("v") || matrix.equals("down")) && useMoreBits(layer, layers)) return moreBits;
        return mainBits;
    }

    public double lmHeadBits() {
        return lmHeadBits;
    }

    public double embeddingBits() {
        return mainBits;
    }

    /** llama.cpp's {@code use_more_bits(i, n)}: i < n/8, i >= 7n/8, or (i - n/8) % 3 == 2. */
    static boolean useMoreBits(int layer, int layers) {
        return layer < layers / 8 || layer >= 7 * layers / 8 || (layer - layers / 8) % 3 == 2;
    }
}

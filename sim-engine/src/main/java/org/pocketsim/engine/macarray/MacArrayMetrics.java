package org.pocketsim.engine.macarray;

/**
 * Names of the metrics and series a {@code mac-array} point emits beyond the decode run's
 * ({@code tokensPerSecond}, {@code prefillTokensPerSecond}, {@code ttftMs}, ...). Units are in the
 * names; energies are per decode token unless the name says prefill.
 */
public final class MacArrayMetrics {

    private MacArrayMetrics() {
    }

    /** Gates of one MAC unit by Fig. 3 stack (multiplier, align-add, normalise-accumulate) and in total. */
    public static final String GATES_MULTIPLY = "gatesMultiply";
    public static final String GATES_ALIGN_ADD = "gatesAlignAdd";
    public static final String GATES_NORM_ACC = "gatesNormAcc";
    public static final String GATES_PER_MAC = "gatesPerMac";
    /** Gates relative to INT8 -> FX+12 (Fig. 3's unit). */
    public static final String GATES_REL_INT8 = "gatesRelInt8";
    /** The whitepaper's digitised Fig. 3 cell, only on points whose datapath and accumulator Fig. 3 has. */
    public static final String PUBLISHED_GATES_MULTIPLY = "publishedGatesMultiply";
    public static final String PUBLISHED_GATES_ALIGN_ADD = "publishedGatesAlignAdd";
    public static final String PUBLISHED_GATES_NORM_ACC = "publishedGatesNormAcc";
    public static final String PUBLISHED_GATES_PER_MAC = "publishedGatesPerMac";
    public static final String PUBLISHED_GATES_REL_INT8 = "publishedGatesRelInt8";
    /** The array: units that fit (= MACs per cycle), area of one unit in INT8-MAC units, pJ and um^2 per MAC. */
    public static final String MACS_PER_CYCLE = "macsPerCycle";
    public static final String INT8_MAC_EQUIVALENTS_PER_MAC = "int8MacEquivalentsPerMac";
    public static final String PJ_PER_MAC = "pjPerMac";
    public static final String UM2_PER_MAC = "um2PerMac";
    public static final String ARRAY_AREA_MM2 = "arrayAreaMm2";
    public static final String PEAK_TOPS = "peakTops";
    public static final String ARRAY_POWER_W = "arrayPowerW";
    /** Storage bits per weight and per activation, scales included. */
    public static final String WEIGHT_BITS = "weightBits";
    public static final String ACTIVATION_BITS = "activationBits";
    /** Decode energy per token: NPU SRAM reads, and MACs + DRAM + flash + SRAM (static power left out). */
    public static final String ENERGY_SRAM_MJ = "energySramMj";
    public static final String DYNAMIC_ENERGY_PER_TOKEN_MJ = "dynamicEnergyPerTokenMj";
    /** Prefill energy per prompt token: MACs + weight reads from DRAM + SRAM (static power left out). */
    public static final String PREFILL_ENERGY_PER_TOKEN_MJ = "prefillEnergyPerTokenMj";
    /**
     * Iso-power view: the array sized to the power of the INT8 -> FX+12 array of the same area, each
     * MAC priced with its weight read from SRAM ({@link IsoPower}).
     */
    public static final String ISO_POWER_W = "isoPowerW";
    public static final String ISO_POWER_PJ_PER_MAC = "isoPowerPjPerMac";
    public static final String ISO_POWER_MACS_PER_CYCLE = "isoPowerMacsPerCycle";
    public static final String ISO_POWER_TOKENS_PER_SECOND = "isoPowerTokensPerSecond";
    public static final String ISO_POWER_PREFILL_TOKENS_PER_SECOND = "isoPowerPrefillTokensPerSecond";
    /** Bits of accuracy, log2(sigma / RMSE), of the weight format on the Fig. 5 data and the LLM-like tensor. */
    public static final String BITS_UNIFORM = "bitsUniform";
    public static final String BITS_NORMAL = "bitsNormal";
    public static final String BITS_STUDENT_T = "bitsStudentT";
    public static final String BITS_LLM_LIKE = "bitsLlmLike";
    /** The whitepaper's digitised Fig. 5 value, only on points whose format Fig. 5 has. */
    public static final String PUBLISHED_BITS_UNIFORM = "publishedBitsUniform";
    public static final String PUBLISHED_BITS_NORMAL = "publishedBitsNormal";
    public static final String PUBLISHED_BITS_STUDENT_T = "publishedBitsStudentT";
    /** Bits of accuracy of the weight format on a real model's captured activations: {@code bitsReal.<model>.<mlp_in|down_in>}. */
    public static final String BITS_REAL_PREFIX = "bitsReal.";
    /** Measured perplexity of a real model with this datapath's formats: {@code perplexity.<csv name>}, only where measured. */
    public static final String PERPLEXITY_PREFIX = "perplexity.";
    /** Series: bits of accuracy on uniform, normal, Student-t, LLM-like (in that order); published: the first three. */
    public static final String BITS_OF_ACCURACY = "bitsOfAccuracy";
    public static final String PUBLISHED_BITS_OF_ACCURACY = "publishedBitsOfAccuracy";
}

package org.pocketsim.workload.synth;

import org.pocketsim.hw.config.ConfigOptional;

/**
 * Parameters of a synthetic trace, as an experiment config gives them (binds with the strict
 * {@code YamlConfig}; {@code activationSource}, {@code magnitudeScale} and {@code routingTargets}
 * may be left out).
 *
 * @param seed                seed of every random stream of the trace
 * @param tokens              tokens to generate
 * @param channelPersistence  share c in [0, 1) of the latent activation variance that is fixed per
 *                            channel (persistently large channels); default fitted to the real dense traces
 * @param temporalPersistence AR(1) coefficient ρ in [0, 1) of the per-token fluctuation; default fitted likewise
 * @param activationSource    TEAL model whose thresholds calibrate the activations (Llama-2-7B,
 *                            Llama-3-8B, Mistral-7B), null for the default mapping of {@link ActivationCalibration}
 * @param magnitudeScale      factor on every calibrated magnitude (1, the default, keeps the source's scale)
 * @param routingTargets      routing statistics for every MoE layer, null to fit each layer to the real
 *                            OLMoE-1B-7B per-layer statistics at its relative depth ({@link RoutingDepthProfile})
 * @param activations         whether to generate mlp_in and down_in
 * @param routing             whether to generate router_logits and experts (MoE models)
 */
public record SynthParameters(long seed, int tokens, double channelPersistence, double temporalPersistence,
                              @ConfigOptional String activationSource, @ConfigOptional Double magnitudeScale,
                              @ConfigOptional RoutingTargets routingTargets, boolean activations, boolean routing) {

    /**
     * Default channel persistence c, measured: {@link ActivationFitter} on each of the four real dense
     * traces data/traces/real/pocketsim-llama-py/prompt-0{0..3} (layers 0, 3, 7, mlp_in and down_in
     * pooled by width; per prompt 0.0781, 0.0713, 0.0751, 0.0756), mean over prompts 0.0750
     * ({@link SyntheticVsReal#fit}; re-fitted and compared by SyntheticDefaultsTest). The model is a
     * small code-trained Llama (35.7 M parameters), not a 7B model: its channels are barely persistent.
     */
    public static final double DEFAULT_CHANNEL_PERSISTENCE = 0.075;
    /**
     * Default temporal persistence ρ, measured likewise (per prompt 0.0831, 0.0919, 0.0331, 0.0685;
     * mean 0.0691).
     */
    public static final double DEFAULT_TEMPORAL_PERSISTENCE = 0.069;

    /** The most tokens a synthetic trace may have: the bound of a run's {@code generate}. */
    public static final int MAX_TOKENS = 1_000_000;

    public SynthParameters {
        if (magnitudeScale == null) magnitudeScale = 1.0;
        if (tokens < 1) throw new IllegalArgumentException("tokens must be at least 1, got " + tokens);
        if (tokens > MAX_TOKENS) throw new IllegalArgumentException("tokens must be at most " + MAX_TOKENS + ", got " + tokens);
        if (!(channelPersistence >= 0 && channelPersistence < 1)) {
            throw new IllegalArgumentException("channelPersistence must be in [0, 1), got " + channelPersistence);
        }
        if (!(temporalPersistence >= 0 && temporalPersistence < 1)) {
            throw new IllegalArgumentException("temporalPersistence must be in [0, 1), got " + temporalPersistence);
        }
        if (!(magnitudeScale > 0) || !Double.isFinite(magnitudeScale)) {
            throw new IllegalArgumentException("magnitudeScale must be positive, got " + magnitudeScale);
        }
        if (!activations && !routing) throw new IllegalArgumentException("generate activations, routing or both");
    }

    /** All tensors, default persistences, default calibration sources. */
    public static SynthParameters defaults(long seed, int tokens) {
        return new SynthParameters(seed, tokens, DEFAULT_CHANNEL_PERSISTENCE, DEFAULT_TEMPORAL_PERSISTENCE, null, 1.0,
                null, true, true);
    }

    public SynthParameters withPersistence(double channel, double temporal) {
        return new SynthParameters(seed, tokens, channel, temporal, activationSource, magnitudeScale, routingTargets,
                activations, routing);
    }

    public SynthParameters withRoutingTargets(RoutingTargets targets) {
        return new SynthParameters(seed, tokens, channelPersistence, temporalPersistence, activationSource,
                magnitudeScale, targets, activations, routing);
    }

    public SynthParameters withTensors(boolean activations, boolean routing) {
        return new SynthParameters(seed, tokens, channelPersistence, temporalPersistence, activationSource,
                magnitudeScale, routingTargets, activations, routing);
    }
}

package org.pocketsim.workload.synth;

import org.pocketsim.workload.model.ModelSpec;
import org.pocketsim.workload.trace.TensorKind;

/**
 * Which real TEAL thresholds calibrate a model's activations. Llama-2-7B, Llama-3-8B (and
 * Llama-3.1-8B, same architecture) and Mistral-7B use their own rows layer by layer. Every
 * other model (Phi-3-mini/-medium, the MoE models, OPT) has no published thresholds and takes
 * Mistral-7B's at the same relative depth (layer l of L maps to l·31/(L−1), interpolated
 * geometrically between the two nearest layers), unscaled: after the pre-MLP RMSNorm the input
 * scale is set by the norm weights, not by the width. Mistral-7B is the default source because
 * it is the SwiGLU + GQA model of the three, as Phi-3-medium is, and because the Llama-3-8B rows
 * in the source file are identical to the Llama-2-7B rows.
 */
public final class ActivationCalibration {

    public static final String DEFAULT_SOURCE = "Mistral-7B";

    private ActivationCalibration() {
    }

    /** TEAL model name used for {@code spec} when the config names none. */
    public static String defaultSource(ModelSpec spec) {
        return switch (spec.id()) {
            case "llama2-7b" -> "Llama-2-7B";
            case "llama3-8b", "llama3.1-8b" -> "Llama-3-8B";
            default -> DEFAULT_SOURCE;
        };
    }

    /** Whether {@code source} holds thresholds measured on {@code spec}'s own architecture. */
    public static boolean isOwnData(ModelSpec spec, String source) {
        return switch (source) {
            case "Llama-2-7B" -> spec.id().equals("llama2-7b");
            case "Llama-3-8B" -> spec.id().equals("llama3-8b") || spec.id().equals("llama3.1-8b");
            case "Mistral-7B" -> spec.id().equals("mistral-7b-v0.1");
            default -> false;
        };
    }

    /** TEAL thresholds of {@code source} as the activation targets of {@code spec}. */
    public static ActivationTargets tealTargets(TealThresholds teal, ModelSpec spec, String source) {
        String origin = "TEAL thresholds of " + source + (isOwnData(spec, source) ? "" : " mapped by relative depth")
                + " (data/third-party/sparsity/teal-abs-thresholds-by-sparsity.csv)";
        teal.layers(source);
        return new ActivationTargets() {
            @Override
            public MagnitudeQuantiles quantiles(int layer, TensorKind kind) {
                return ActivationCalibration.quantiles(teal, spec, source, layer, kind);
            }

            @Override
            public String origin() {
                return origin;
            }
        };
    }

    /** Target |x| quantiles of one layer and tensor of {@code spec}. */
    public static MagnitudeQuantiles quantiles(TealThresholds teal, ModelSpec spec, String source, int layer,
                                              TensorKind kind) {
        return teal.atRelativeDepth(source, layer, spec.layers(), kind);
    }
}

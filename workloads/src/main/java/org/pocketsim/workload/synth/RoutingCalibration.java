package org.pocketsim.workload.synth;

import org.pocketsim.workload.model.ModelSpec;
import org.pocketsim.workload.trace.TensorKind;
import org.pocketsim.workload.trace.TraceSource;

/**
 * Fitted router models for every MoE layer of a model (null entries for dense layers), with
 * the origin of what they were fitted to.
 */
public record RoutingCalibration(RoutingLayerModel[] perLayer, String origin) {

    public RoutingCalibration {
        perLayer = perLayer.clone();
        if (origin == null || origin.isBlank()) throw new IllegalArgumentException("routing calibration origin is required");
    }

    @Override
    public RoutingLayerModel[] perLayer() {
        return perLayer.clone();
    }

    RoutingLayerModel layer(int layer) {
        return perLayer[layer];
    }

    /**
     * Fits each MoE layer to a real routing trace {@code experts[moeLayer][token][slot]}, whose
     * i-th layer is the model's i-th MoE layer.
     */
    public static RoutingCalibration fromTrace(ModelSpec spec, int[][][] experts, long seed, String origin) {
        requireMoe(spec);
        java.util.List<Integer> layers = spec.moeLayers();
        int moeLayers = layers.size();
        if (experts.length != moeLayers) {
            throw new IllegalArgumentException(origin + ": routing trace has " + experts.length + " layers, "
                    + spec.id() + " has " + moeLayers + " MoE layers");
        }
        RoutingLayerModel[] out = new RoutingLayerModel[spec.layers()];
        for (int i = 0; i < moeLayers; i++) {
            if (experts[i][0].length != spec.moe().topK()) {
                throw new IllegalArgumentException(origin + ": layer " + i + " chooses " + experts[i][0].length
                        + " experts per token, " + spec.id() + " chooses " + spec.moe().topK());
            }
            out[layers.get(i)] = RoutingFitter.fitToTrace(experts[i], spec.moe().experts(), seed + i);
        }
        return new RoutingCalibration(out, origin);
    }

    /**
     * The chosen experts of every MoE layer of {@code spec} in {@code trace}, as
     * {@code [moeLayer][token][slot]} for {@link #fromTrace}; read token by token.
     */
    public static int[][][] expertsOf(TraceSource trace, ModelSpec spec) {
        requireMoe(spec);
        java.util.List<Integer> layers = spec.moeLayers();
        int tokens = trace.info().tokens();
        int[][][] out = new int[layers.size()][tokens][spec.moe().topK()];
        for (int l : layers) {
            if (!trace.has(TensorKind.EXPERTS, l)) {
                throw new IllegalArgumentException("trace has no " + TensorKind.EXPERTS.tensorName(l) + " to calibrate routing to");
            }
        }
        for (int t = 0; t < tokens; t++) {
            for (int i = 0; i < layers.size(); i++) trace.readExperts(layers.get(i), t, out[i][t]);
        }
        return out;
    }

    /**
     * Fits one router model to target statistics and gives every MoE layer its own random
     * assignment of popularity to expert ids.
     */
    public static RoutingCalibration fromTargets(ModelSpec spec, RoutingTargets targets, long seed, String origin) {
        requireMoe(spec);
        RoutingLayerModel fitted = RoutingFitter.fitToStats(targets.asStats(), spec.moe().experts(), spec.moe().topK(), seed);
        RoutingLayerModel[] out = new RoutingLayerModel[spec.layers()];
        for (int l : spec.moeLayers()) {
            double[] bias = fitted.bias();
            SplitMix64 rng = SplitMix64.derive(seed, 0xE0, l);
            for (int i = bias.length - 1; i > 0; i--) {
                int j = rng.nextInt(i + 1);
                double t = bias[i];
                bias[i] = bias[j];
                bias[j] = t;
            }
            out[l] = new RoutingLayerModel(bias, fitted.topK(), fitted.fastWeight(), fitted.rhoFast(), fitted.rhoSlow(),
                    fitted.logitScale());
        }
        return new RoutingCalibration(out, origin);
    }

    /**
     * Fits every MoE layer of {@code spec} on its own to the statistics {@code profile} gives that
     * layer's relative depth ({@link RoutingDepthProfile#target}) by {@link RoutingFitter#fitLayers}.
     */
    public static RoutingCalibration fromDepthProfile(ModelSpec spec, RoutingDepthProfile profile, long seed) {
        requireMoe(spec);
        java.util.List<Integer> layers = spec.moeLayers();
        java.util.List<RoutingDepthProfile.LayerTarget> targets = new java.util.ArrayList<>();
        for (int i = 0; i < layers.size(); i++) targets.add(profile.target(i, layers.size(), spec.moe().experts(), spec.moe().topK()));
        RoutingLayerModel[] fitted = RoutingFitter.fitLayers(targets, spec.moe().experts(), spec.moe().topK(), seed);
        RoutingLayerModel[] out = new RoutingLayerModel[spec.layers()];
        for (int i = 0; i < layers.size(); i++) out[layers.get(i)] = fitted[i];
        return new RoutingCalibration(out, profile.origin() + ", fitted per MoE layer by relative depth");
    }

    private static void requireMoe(ModelSpec spec) {
        if (!spec.isMoe()) throw new IllegalArgumentException(spec.id() + " has no MoE layers to route");
    }
}

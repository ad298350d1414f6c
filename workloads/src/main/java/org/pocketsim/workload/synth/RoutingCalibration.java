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
     * layer's relative depth ({@link RoutingDepthProfile#target}, {@link RoutingFitter#fitLayer}).
     */
    public static RoutingCalibration fromDepthProfile(ModelSpec spec, RoutingDepthProfile profile, long seed) {
        return fromDepthProfile(spec, profile, seed, null);
    }

    /**
     * The shipped per-layer fit of the real OLMoE-1B-7B profile ({@link RoutingFitTable}) when it
     * holds the model's shape, else the same fit computed now: what synthetic MoE traces use by default.
     */
    public static RoutingCalibration olmoePerLayer(ModelSpec spec) {
        requireMoe(spec);
        double[][] x = RoutingFitTable.shipped(spec.moeLayers().size(), spec.moe().experts(), spec.moe().topK());
        return fromDepthProfile(spec, RoutingDepthProfile.olmoe(), RoutingFitTable.FIT_SEED, x);
    }

    private static RoutingCalibration fromDepthProfile(ModelSpec spec, RoutingDepthProfile profile, long seed, double[][] fitted) {
        requireMoe(spec);
        java.util.List<Integer> layers = spec.moeLayers();
        int e = spec.moe().experts();
        int k = spec.moe().topK();
        RoutingLayerModel[] out = new RoutingLayerModel[spec.layers()];
        for (int i = 0; i < layers.size(); i++) {
            RoutingDepthProfile.LayerTarget t = profile.target(i, layers.size(), e, k);
            long layerSeed = RoutingFitter.layerSeed(seed, i);
            double[] x = fitted != null ? fitted[i] : RoutingFitter.fitLayer(t, e, k, layerSeed);
            out[layers.get(i)] = RoutingFitter.layerModel(t, e, k, layerSeed, x);
        }
        return new RoutingCalibration(out, profile.origin() + ", fitted per MoE layer by relative depth, seed " + seed
                + (fitted != null ? " (parameters from " + RoutingFitTable.FILE + ")" : ""));
    }

    private static void requireMoe(ModelSpec spec) {
        if (!spec.isMoe()) throw new IllegalArgumentException(spec.id() + " has no MoE layers to route");
    }
}

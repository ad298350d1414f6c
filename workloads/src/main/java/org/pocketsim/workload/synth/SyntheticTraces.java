package org.pocketsim.workload.synth;

import org.pocketsim.workload.model.ModelSpec;
import org.pocketsim.workload.trace.TensorKind;
import org.pocketsim.workload.trace.TraceInfo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds calibrated {@link SyntheticTrace}s for a model. */
public final class SyntheticTraces {

    /** Generator name recorded in trace provenance. */
    public static final String GENERATOR = "pocketsim-synth-v1";
    private static final long MLP_IN = 1;
    private static final long DOWN_IN = 2;
    private static final long ROUTER = 3;

    private SyntheticTraces() {
    }

    /**
     * A synthetic trace of {@code spec}: activations calibrated to TEAL thresholds, routing from
     * {@code routing} (null: {@link #defaultRouting}).
     */
    public static SyntheticTrace create(ModelSpec spec, SynthParameters params, TealThresholds teal,
                                        RoutingCalibration routing) {
        ActivationTargets targets = null;
        if (params.activations()) {
            if (teal == null) throw new IllegalArgumentException("activations need TEAL thresholds (or use calibrated(...) with targets)");
            String source = params.activationSource() != null ? params.activationSource() : ActivationCalibration.defaultSource(spec);
            targets = ActivationCalibration.tealTargets(teal, spec, source);
        }
        return calibrated(spec, params, targets, routing);
    }

    /**
     * The routing calibration {@link #create} uses when given none: one fit to
     * {@code params.routingTargets()} for every layer when those are set, else each MoE layer
     * fitted on its own to the real OLMoE-1B-7B per-layer statistics at its relative depth
     * ({@link RoutingCalibration#olmoePerLayer}: the shipped fit, seed {@link RoutingFitTable#FIT_SEED}
     * whatever the trace's seed, so every seed of a model routes with the same popular experts, as
     * a real model does). A pure function of the model's MoE shape, the targets and the seed, so
     * callers that open the same synthetic trace many times may compute it once.
     */
    public static RoutingCalibration defaultRouting(ModelSpec spec, SynthParameters params) {
        RoutingTargets t = params.routingTargets();
        if (t == null) return RoutingCalibration.olmoePerLayer(spec);
        return RoutingCalibration.fromTargets(spec, t, params.seed(), "configured routing targets " + t);
    }

    /**
     * A synthetic trace of {@code spec} with activations calibrated to {@code targets} (null
     * when {@code params} generates no activations) and routing as in {@link #create}.
     */
    public static SyntheticTrace calibrated(ModelSpec spec, SynthParameters params, ActivationTargets targets,
                                            RoutingCalibration routing) {
        int layers = spec.layers();
        ActivationGenerator[] mlpIn = new ActivationGenerator[layers];
        ActivationGenerator[] downIn = new ActivationGenerator[layers];
        RoutingGenerator[] routers = new RoutingGenerator[layers];
        Map<String, String> prov = new LinkedHashMap<>();
        prov.put("origin", GENERATOR);
        prov.put("licence", "n/a");
        prov.put("prompt", "none: synthetic");
        prov.put("generator.name", GENERATOR);
        prov.put("generator.seed", Long.toString(params.seed()));
        if (params.activations()) {
            if (targets == null) throw new IllegalArgumentException("activations need calibration targets");
            for (int l = 0; l < layers; l++) {
                MagnitudeQuantiles q = targets.quantiles(l, TensorKind.MLP_IN);
                mlpIn[l] = new ActivationGenerator(q.scaled(params.magnitudeScale()), spec.mlpInputWidth(),
                        params.channelPersistence(), params.temporalPersistence(), SplitMix64.derive(params.seed(), MLP_IN, l));
                if (!spec.isMoeLayer(l)) {
                    MagnitudeQuantiles d = targets.quantiles(l, TensorKind.DOWN_IN);
                    downIn[l] = new ActivationGenerator(d.scaled(params.magnitudeScale()), spec.intermediate(),
                            params.channelPersistence(), params.temporalPersistence(), SplitMix64.derive(params.seed(), DOWN_IN, l));
                }
            }
            prov.put("generator.parameters.activationCalibration", targets.origin());
        }
        if (params.routing() && spec.isMoe()) {
            RoutingCalibration rc = routing != null ? routing : defaultRouting(spec, params);
            for (int l = 0; l < layers; l++) {
                if (spec.isMoeLayer(l)) routers[l] = new RoutingGenerator(rc.layer(l), SplitMix64.derive(params.seed(), ROUTER, l));
            }
            prov.put("generator.parameters.routingCalibration", rc.origin());
        }
        prov.put("generator.parameters.channelPersistence", Double.toString(params.channelPersistence()));
        prov.put("generator.parameters.temporalPersistence", Double.toString(params.temporalPersistence()));
        prov.put("generator.parameters.magnitudeScale", Double.toString(params.magnitudeScale()));
        List<Integer> layerList = new ArrayList<>();
        for (int l = 0; l < layers; l++) layerList.add(l);
        TraceInfo info = new TraceInfo(spec.id(), TraceInfo.SourceKind.SYNTHETIC, params.tokens(), layerList, prov);
        return new SyntheticTrace(info, mlpIn, downIn, routers);
    }

}

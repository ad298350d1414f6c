package org.pocketsim.engine.decode.mlp;

import org.pocketsim.engine.decode.DecodeLowering;
import org.pocketsim.engine.decode.TraceOpener;
import org.pocketsim.engine.decode.WeightPlan;
import org.pocketsim.workload.model.ModelSpec;
import org.pocketsim.workload.trace.TraceSource;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** Binds an MLP method to a model and a trace held in memory, as a decode run would. */
final class MethodFixture {

    private MethodFixture() {
    }

    static MlpMethod bind(MlpSpec spec, ModelSpec model, String weights, Supplier<TraceSource> trace, int tokens) {
        WeightPlan plan = WeightPlan.of(weights, null, model.layers());
        DecodeLowering lowering = new DecodeLowering(model, plan, 16);
        return spec.bind(new MlpContext(model, plan, lowering, tokens, (s, m, t, a) -> TraceOpener.held(trace, tokens)));
    }

    static Map<String, Double> metrics(MlpMethod method) {
        Map<String, Double> metrics = new LinkedHashMap<>();
        method.addMetrics(metrics, new LinkedHashMap<>());
        return metrics;
    }

    static List<Double> hitRateByLayer(MlpMethod method) {
        Map<String, List<Double>> series = new LinkedHashMap<>();
        method.addMetrics(new LinkedHashMap<>(), series);
        return series.get("hitRateByLayer");
    }
}

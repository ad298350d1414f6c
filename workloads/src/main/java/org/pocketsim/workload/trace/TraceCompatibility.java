package org.pocketsim.workload.trace;

import org.pocketsim.workload.model.ModelSpec;

import java.util.ArrayList;
import java.util.List;

/**
 * Whether a trace fits the model an experiment simulates, checked before any token runs.
 *
 * <p>Contract: pure functions of their arguments (the tensor check only asks the source which
 * tensors it has); they never throw on a mismatch but return every problem found, each one
 * line of plain text naming the trace's value and the model's, in a fixed order, empty when
 * the trace fits. The caller decides how to report them (the experiment loader: as a config
 * error at the node naming the trace). What counts as a problem:
 * <ul>
 *   <li>the trace was recorded for another model ({@link TraceInfo#modelId()} differs from the model id);</li>
 *   <li>a shape field differs from {@link TraceShape#of(ModelSpec)}: layers, experts and top-k always,
 *       hidden and intermediate unless the trace leaves them 0 (unknown, as imported routing traces do);</li>
 *   <li>a layer the trace lists lies outside the model's layers;</li>
 *   <li>(tensor check) router logits or expert ids stored on a dense layer of the model, the mark of a
 *       routing trace whose lists were mapped to layers 0, 1, 2, ... instead of the model's MoE layers.</li>
 * </ul>
 */
public final class TraceCompatibility {

    private TraceCompatibility() {
    }

    /** Problems of a trace with metadata {@code info} and shape {@code shape} against {@code model}. */
    public static List<String> check(TraceInfo info, TraceShape shape, ModelSpec model) {
        List<String> problems = new ArrayList<>();
        if (!info.modelId().equals(model.id())) {
            problems.add("trace recorded for model '" + info.modelId() + "', the model is '" + model.id() + "'");
        }
        TraceShape m = TraceShape.of(model);
        compare(problems, "layers", shape.layers(), m.layers(), false);
        compare(problems, "hidden", shape.hidden(), m.hidden(), true);
        compare(problems, "intermediate", shape.intermediate(), m.intermediate(), true);
        compare(problems, "experts", shape.experts(), m.experts(), false);
        compare(problems, "topK", shape.topK(), m.topK(), false);
        for (int l : info.layers()) {
            if (l < 0 || l >= model.layers()) {
                problems.add("trace layer " + l + " is outside the model's layers 0.." + (model.layers() - 1));
            }
        }
        return List.copyOf(problems);
    }

    /**
     * {@link #check(TraceInfo, TraceShape, ModelSpec)} plus the routing tensors of {@code trace}:
     * router logits or expert ids on a layer the model runs as dense are problems.
     */
    public static List<String> check(TraceSource trace, TraceShape shape, ModelSpec model) {
        List<String> problems = new ArrayList<>(check(trace.info(), shape, model));
        for (int l : trace.info().layers()) {
            if (l < 0 || l >= model.layers() || model.isMoeLayer(l)) continue;
            for (TensorKind k : new TensorKind[] {TensorKind.ROUTER_LOGITS, TensorKind.EXPERTS}) {
                if (trace.has(k, l)) {
                    problems.add("trace holds " + k.tensorName(l) + " but layer " + l + " of " + model.id()
                            + " is dense; its MoE layers are " + layerRanges(model.moeLayers()));
                }
            }
        }
        return List.copyOf(problems);
    }

    private static void compare(List<String> problems, String field, int trace, int model, boolean zeroIsUnknown) {
        if (trace != model && !(zeroIsUnknown && trace == 0)) {
            problems.add("trace shape." + field + " is " + trace + ", the model has " + model);
        }
    }

    /** Ascending layer indices as runs, e.g. {@code 1..26} or {@code 0, 1, 3..5}; "none" when empty. */
    public static String layerRanges(List<Integer> layers) {
        if (layers.isEmpty()) return "none";
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < layers.size(); ) {
            int j = i;
            while (j + 1 < layers.size() && layers.get(j + 1) == layers.get(j) + 1) j++;
            if (sb.length() > 0) sb.append(", ");
            sb.append(layers.get(i));
            if (j > i) sb.append(j == i + 1 ? ", " : "..").append(layers.get(j));
            i = j + 1;
        }
        return sb.toString();
    }
}

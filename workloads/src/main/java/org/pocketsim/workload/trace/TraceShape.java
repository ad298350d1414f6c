package org.pocketsim.workload.trace;

import org.pocketsim.workload.model.ModelSpec;
import org.pocketsim.workload.model.MoeSpec;

/**
 * Model dimensions a trace's tensors must match ({@code shape} in trace.yaml). {@code hidden}
 * and {@code intermediate} may be 0 when the trace carries no activations and the model's
 * widths are not known (an imported routing trace); {@code experts} and {@code topK} are 0
 * for dense models.
 */
public record TraceShape(int layers, int hidden, int intermediate, int experts, int topK) {

    public TraceShape {
        if (layers < 1) throw new IllegalArgumentException("shape.layers must be at least 1, got " + layers);
        if (hidden < 0) throw new IllegalArgumentException("shape.hidden must not be negative, got " + hidden);
        if (intermediate < 0) throw new IllegalArgumentException("shape.intermediate must not be negative, got " + intermediate);
        if (experts < 0 || topK < 0) throw new IllegalArgumentException("shape.experts and shape.topK must not be negative");
        if ((experts == 0) != (topK == 0)) {
            throw new IllegalArgumentException("shape.experts (" + experts + ") and shape.topK (" + topK + ") must both be 0 (dense) or both positive");
        }
        if (topK > experts) throw new IllegalArgumentException("shape.topK " + topK + " exceeds shape.experts " + experts);
    }

    /**
     * The trace shape of model preset {@code model}: for MoE models {@code intermediate} is the
     * routed expert width (what {@code down_in} of an MoE layer holds), else the dense MLP width.
     */
    public static TraceShape of(ModelSpec model) {
        MoeSpec moe = model.moe();
        return moe == null ? new TraceShape(model.layers(), model.hidden(), model.intermediate(), 0, 0)
                : new TraceShape(model.layers(), model.hidden(), moe.expertIntermediate(), moe.experts(), moe.topK());
    }

    /** {@link #requireMatches(int, int, int, int, int)} against model preset {@code model}. */
    public void requireMatches(ModelSpec model) {
        TraceShape m = of(model);
        requireMatches(m.layers, m.hidden, m.intermediate, m.experts, m.topK);
    }

    /** Row width of tensor {@code kind}: hidden, intermediate, experts or top-k. */
    public int widthOf(TensorKind kind) {
        return switch (kind) {
            case MLP_IN -> hidden;
            case DOWN_IN -> intermediate;
            case ROUTER_LOGITS -> experts;
            case EXPERTS -> topK;
        };
    }

    /**
     * Fails unless this shape equals the model's dimensions; a 0 here for hidden or
     * intermediate (width unknown) matches anything. The message names the first field that differs.
     */
    public void requireMatches(int modelLayers, int modelHidden, int modelIntermediate, int modelExperts, int modelTopK) {
        check("layers", layers, modelLayers, false);
        check("hidden", hidden, modelHidden, true);
        check("intermediate", intermediate, modelIntermediate, true);
        check("experts", experts, modelExperts, false);
        check("topK", topK, modelTopK, false);
    }

    private static void check(String field, int trace, int model, boolean zeroIsUnknown) {
        if (trace != model && !(zeroIsUnknown && trace == 0)) {
            throw new TraceException("trace shape." + field + " is " + trace + " but the model has " + model);
        }
    }
}

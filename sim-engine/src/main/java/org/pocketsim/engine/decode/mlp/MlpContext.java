package org.pocketsim.engine.decode.mlp;

import org.pocketsim.engine.decode.DecodeLowering;
import org.pocketsim.engine.decode.TraceAccess;
import org.pocketsim.engine.decode.WeightPlan;
import org.pocketsim.workload.model.ModelSpec;

/**
 * What an MLP method is bound to: the run's model, its weight formats and lowering, the tokens
 * it generates, and the experiment's checked traces.
 */
public record MlpContext(ModelSpec model, WeightPlan plan, DecodeLowering lowering, int generate, TraceAccess traces) {
}

package org.pocketsim.engine.decode;

import org.pocketsim.workload.model.ModelSpec;

/** Where an MLP method gets the trace its spec names: {@link Traces} for experiments, a fixed source in tests. */
@FunctionalInterface
public interface TraceAccess {

    /**
     * An opener of the trace {@code spec} names, checked for {@code model} and {@code tokens}
     * generated tokens.
     *
     * @param activations whether the run needs activations (DIP) rather than routing (MoE)
     */
    TraceOpener opener(TraceSpec spec, ModelSpec model, int tokens, boolean activations);
}

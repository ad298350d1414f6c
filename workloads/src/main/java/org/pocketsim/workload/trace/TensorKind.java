package org.pocketsim.workload.trace;

/** The per-layer tensors a trace can carry, with their names in {@code tensors.safetensors}. */
public enum TensorKind {
    /** MLP block input, one row of {@code hidden} values per token. */
    MLP_IN("mlp_in"),
    /** Down-projection input (GLU activation), one row of {@code intermediate} values per token. */
    DOWN_IN("down_in"),
    /** Router logits, one row of {@code experts} values per token. */
    ROUTER_LOGITS("router_logits"),
    /** Chosen expert ids, one row of {@code topK} int32 values per token. */
    EXPERTS("experts");

    private final String tensorSuffix;

    TensorKind(String tensorSuffix) {
        this.tensorSuffix = tensorSuffix;
    }

    /** Safetensors name of this tensor for model layer {@code layer}: {@code layers.{i}.<suffix>}. */
    public String tensorName(int layer) {
        return "layers." + layer + "." + tensorSuffix;
    }

    public String suffix() {
        return tensorSuffix;
    }
}

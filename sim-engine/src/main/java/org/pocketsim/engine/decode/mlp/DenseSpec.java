package org.pocketsim.engine.decode.mlp;

/** {@code mlp: dense} (the default): every MLP weight (MoE: the chosen and shared experts) is read each token from DRAM. */
public record DenseSpec() implements MlpSpec {

    @Override
    public MlpMethod bind(MlpContext context) {
        return new DenseMethod(context);
    }
}

package org.pocketsim.kernel.sparsity;

/** Activation applied to the gate projection in a GLU MLP: {@code h = act(gate x) * (up x)}. */
public enum GluActivation {
    /** SiLU (swish): x * sigmoid(x); Llama, Mistral, Phi-3, Qwen, OLMoE. */
    SILU,
    /** GELU, tanh approximation; Gemma-style GeGLU. */
    GELU_TANH;

    /** The activation of {@code x}, in double. */
    public double apply(double x) {
        return switch (this) {
            case SILU -> x / (1 + Math.exp(-x));
            case GELU_TANH -> 0.5 * x * (1 + Math.tanh(Math.sqrt(2 / Math.PI) * (x + 0.044715 * x * x * x)));
        };
    }
}

package org.pocketsim.engine.decode;

/**
 * The kinds of decode kernel that a SoC profile ({@code execution.byKernelKind}) or a run
 * ({@code executor.kernels}) may place on the CPU or the NPU, with the components each one reads.
 */
public enum KernelKind {
    /** Attention projections, the KV cache, the recurrent state of linear-attention layers and the norms. */
    ATTENTION("attention"),
    /** Dense MLP, experts and routers. */
    MLP("mlp"),
    /** Embedding row and LM head. */
    LM_HEAD("lmHead");

    private final String key;

    KernelKind(String key) {
        this.key = key;
    }

    /** Name in configs and profiles. */
    public String key() {
        return key;
    }

    /** The kind whose kernel reads component {@code c}. */
    public static KernelKind of(Component c) {
        return switch (c) {
            case ATTENTION, KV_CACHE, RECURRENT_STATE, NORMS -> ATTENTION;
            case MLP, EXPERTS, ROUTER -> MLP;
            case EMBEDDING, LM_HEAD -> LM_HEAD;
        };
    }
}

package org.pocketsim.workload.trace;

import java.util.List;
import java.util.Map;

/** A tiny hand-made trace: 3 tokens, layers 0 and 2 of a 3-layer MoE model (hidden 4, intermediate 2, 4 experts top-2). */
final class TraceFixtures {

    static final TraceShape SHAPE = new TraceShape(3, 4, 2, 4, 2);

    private TraceFixtures() {
    }

    static InMemoryTrace tiny() {
        TraceInfo info = new TraceInfo("tiny-moe", TraceInfo.SourceKind.SYNTHETIC, 3, List.of(0, 2),
                Map.of("generator.name", "hand-made", "generator.seed", "7", "generator.parameters.persistence", "0.8",
                        "prompt", "none", "sampling.method", "greedy"));
        InMemoryTrace t = new InMemoryTrace(info, SHAPE);
        for (int layer : List.of(0, 2)) {
            float[] mlp = new float[12];
            for (int i = 0; i < 12; i++) mlp[i] = (i - 5) * 0.25f + layer;
            t.put(TensorKind.MLP_IN, layer, mlp);
            t.put(TensorKind.DOWN_IN, layer, new float[] {1f, -1f, 0.5f, 0.125f, -3f, 2f});
            t.put(TensorKind.ROUTER_LOGITS, layer, new float[] {0.1f, 0.2f, 0.3f, 0.4f, 1f, 2f, 3f, 4f, -1f, -2f, -3f, -4f});
            t.putExperts(layer, new int[] {3, 2, 3, 2, 0, 1});
        }
        t.tokenIds(new int[] {11, 22, 33});
        return t;
    }
}

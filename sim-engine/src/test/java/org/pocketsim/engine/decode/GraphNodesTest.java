package org.pocketsim.engine.decode;

import org.junit.jupiter.api.Test;
import org.pocketsim.workload.model.ModelCatalog;

import static org.assertj.core.api.Assertions.assertThat;

/** Nodes and matrix products of the per-token graph, counted by hand from llama.cpp's graph builders. */
class GraphNodesTest {

    @Test
    void aDenseModelHasTheLogsThirtyFiveNodesAndNineMatrixProductsPerLayer() {
        GraphNodes llama = new GraphNodes(ModelCatalog.load("llama2-7b"));
        // the GGML_PERF log: 35 x 32 + 4 = 1,124; q, k, v, o, kq, kqv, up, gate, down x 32 + the output matrix
        assertThat(llama.nodes()).isEqualTo(1124);
        assertThat(llama.matrixProducts()).isEqualTo(289);
        // Qwen2-0.5B: the ADDs of the q, k and v biases (llm_build_qwen2), 24 layers
        assertThat(new GraphNodes(ModelCatalog.load("qwen2-0.5b")).nodes()).isEqualTo(38 * 24 + 4);
    }

    @Test
    void anMoeLayerSwapsTheDenseFfnForRouterTopKExpertProductsAndTheSumOfItsExperts() {
        // OLMoE: 16 MoE layers, 8 of 64 experts: 35 - 5 + (2 x 8 + 11) = 57 nodes a layer and 4 for its QK-norm;
        // 6 + router + 3 = 10 products
        GraphNodes olmoe = new GraphNodes(ModelCatalog.load("olmoe-1b-7b-0924"));
        assertThat(olmoe.nodes()).isEqualTo((57 + 4) * 16 + 4);
        assertThat(olmoe.matrixProducts()).isEqualTo(10 * 16 + 1);
        // Qwen1.5-MoE: 24 layers, 4 of 60 experts and a shared expert (a dense FFN, 5 nodes, and its add; 3 products),
        // and the ADDs of its q, k and v biases
        GraphNodes qwen = new GraphNodes(ModelCatalog.load("qwen1.5-moe-a2.7b"));
        assertThat(qwen.nodes()).isEqualTo((35 - 5 + 2 * 4 + 11 + 6 + 3) * 24 + 4);
        assertThat(qwen.matrixProducts()).isEqualTo((10 + 3) * 24 + 1);
    }
}

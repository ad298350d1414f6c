package org.pocketsim.workload.importer;

import org.junit.jupiter.api.Test;
import org.pocketsim.workload.trace.InMemoryTrace;
import org.pocketsim.workload.trace.TraceStatistics;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The imported OLMoE trace reproduces, per layer, the published routing statistics of data/third-party/moe. */
class OlmoeStatisticsTest {

    @Test
    void reuseAndTopExpertShareMatchTheStatisticsCsvForEveryLayer() throws IOException {
        Path root = RepoRoot.get();
        Path in = root.resolve("data/third-party/moe/olmoe-1b-7b-0924.decode299.expert-ids.jsonl");
        InMemoryTrace t = new ExpertIdsJsonlImporter().read(in, new ImportSpec("olmoe-1b-7b-0924", 16, 0, 0, 64, null, "o", "l", null, null, null))
                .get(0).trace();
        List<TraceStatistics.RoutingStats> stats = TraceStatistics.of(t, t.shape()).routing();
        List<String> csv = Files.readAllLines(root.resolve("data/third-party/moe/olmoe-routing-stats-per-layer.csv"));
        assertThat(csv.get(0)).startsWith("trace,model,layer,n_experts,top_k,n_tokens,reuse_d1,reuse_d2,reuse_d4,reuse_d8,top_expert_share");
        assertThat(stats).hasSize(16);
        for (int layer = 0; layer < 16; layer++) {
            String[] f = csv.get(layer + 1).split(",");
            assertThat(Integer.parseInt(f[2])).isEqualTo(layer);
            assertThat(stats.get(layer).reuseDistance1()).as("layer %d reuse", layer).isCloseTo(Double.parseDouble(f[6]), within(5.1e-5));
            assertThat(stats.get(layer).topExpertShare()).as("layer %d top share", layer).isCloseTo(Double.parseDouble(f[10]), within(5.1e-5));
        }
    }
}

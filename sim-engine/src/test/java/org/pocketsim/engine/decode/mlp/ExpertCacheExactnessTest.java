package org.pocketsim.engine.decode.mlp;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.pocketsim.engine.decode.TraceSpec;
import org.pocketsim.engine.decode.WorkGroup;
import org.pocketsim.kernel.routing.TopKSpec;
import org.pocketsim.workload.model.ModelCatalog;
import org.pocketsim.workload.model.ModelSpec;
import org.pocketsim.workload.trace.TraceReader;
import org.pocketsim.workload.trace.TraceSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The expert caches replay the real OLMoE-1B-7B-0924 routing trace (299 decode tokens, 16 layers,
 * top-8 of 64) with exactly the miss counts of a brute-force cache written here from the stated
 * semantics alone: each layer's cache starts empty and compulsory misses count; at each token all
 * chosen experts are looked up (hits counted against the cache before the token), then the misses
 * are inserted in ascending expert id, each evicting, if the cache is full, a resident expert that
 * is not one of the token's experts: LRU the one used longest ago, Belady the one whose next use
 * is furthest (never used again counts as furthest); ties go to the lowest expert id.
 */
class ExpertCacheExactnessTest {

    private static final Path TRACE = repoRoot().resolve("data/traces/olmoe-1b-7b-0924.decode299");
    private static final int TOKENS = 299;

    @ParameterizedTest(name = "{0} at {1} experts cached")
    @CsvSource({"lru, 8", "lru, 16", "lru, 32", "lru, 48", "belady, 8", "belady, 16", "belady, 32", "belady, 48"})
    void missRatesOnTheRealOlmoeTraceEqualABruteForceCache(String policy, int cached) {
        ModelSpec olmoe = ModelCatalog.load("olmoe-1b-7b-0924");
        int[][][] choices = read(olmoe);
        MlpMethod method = MethodFixture.bind(new ExpertCacheSpec(new TopKSpec(false), policy, cached,
                new TraceSpec("unused", false, null, null, null), null, null), olmoe, "int4-g128", () -> TraceReader.open(TRACE, false), TOKENS);
        method.open(Long.MAX_VALUE / 4, 1);
        for (int t = 0; t < TOKENS; t++) {
            for (int layer = 0; layer < 16; layer++) method.lowerHook(layer, t, new WorkGroup());
        }
        List<Double> hitRates = MethodFixture.hitRateByLayer(method);
        long totalMisses = 0;
        for (int layer = 0; layer < 16; layer++) {
            long misses = bruteForceMisses(choices[layer], 64, cached, policy.equals("belady"));
            totalMisses += misses;
            assertThat(hitRates.get(layer)).as("layer " + layer).isEqualTo((double) (TOKENS * 8 - misses) / (TOKENS * 8));
        }
        assertThat(MethodFixture.metrics(method).get("missRate")).isEqualTo((double) totalMisses / (16L * TOKENS * 8));
    }

    private static int[][][] read(ModelSpec model) {
        int[][][] out = new int[16][TOKENS][8];
        try (TraceSource trace = TraceReader.open(TRACE, false)) {
            for (int t = 0; t < TOKENS; t++) {
                for (int layer = 0; layer < 16; layer++) trace.readExperts(layer, t, out[layer][t]);
            }
        }
        return out;
    }

    /** Misses of one layer's cache, by the rules in the class comment, with no shared code. */
    static long bruteForceMisses(int[][] tokens, int experts, int capacity, boolean belady) {
        boolean[] resident = new boolean[experts];
        long[] lastUse = new long[experts];
        int count = 0;
        long misses = 0;
        for (int t = 0; t < tokens.length; t++) {
            boolean[] current = new boolean[experts];
            for (int e : tokens[t]) current[e] = true;
            for (int e = 0; e < experts; e++) {
                if (!current[e]) continue;
                if (resident[e]) {
                    lastUse[e] = t;
                    continue;
                }
                misses++;
            }
            for (int e = 0; e < experts; e++) {
                if (!current[e] || resident[e]) continue;
                if (count == capacity) {
                    int victim = -1;
                    long victimKey = Long.MIN_VALUE;
                    for (int r = 0; r < experts; r++) {
                        if (!resident[r] || current[r]) continue;
                        long key = belady ? nextUse(tokens, r, t) : -lastUse[r];
                        if (key > victimKey) {
                            victimKey = key;
                            victim = r;
                        }
                    }
                    resident[victim] = false;
                    count--;
                }
                resident[e] = true;
                lastUse[e] = t;
                count++;
            }
        }
        return misses;
    }

    private static long nextUse(int[][] tokens, int expert, int after) {
        for (int t = after + 1; t < tokens.length; t++) {
            for (int e : tokens[t]) if (e == expert) return t;
        }
        return Long.MAX_VALUE;
    }

    private static Path repoRoot() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.exists(p.resolve("mvnw"))) p = p.getParent();
        return p;
    }
}

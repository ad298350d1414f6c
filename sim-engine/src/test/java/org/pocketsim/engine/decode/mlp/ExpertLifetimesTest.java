package org.pocketsim.engine.decode.mlp;

import org.junit.jupiter.api.Test;
import org.pocketsim.engine.memory.WeightCache;
import org.pocketsim.engine.memory.eviction.LruPolicy;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class ExpertLifetimesTest {

    @Test
    void aResidencyRunsFromTheInsertingTokenToTheEvictingTokenAndOpenOnesEndAtTheLastToken() {
        WeightCache cache = new WeightCache(4, 2, new LruPolicy(), new SplittableRandom(1));
        ExpertLifetimes lifetimes = new ExpertLifetimes(1, 4);
        int[][] tokens = {{0, 1}, {0, 2}, {0, 3}, {0, 3}};
        for (int t = 0; t < tokens.length; t++) {
            cache.step(tokens[t], 2);
            lifetimes.observe(0, t, cache);
        }
        // 1: tokens 0..0 (evicted at 1) = 1; 2: 1..1 (evicted at 2) = 1; 0: 0..3 = 4; 3: 2..3 = 2
        assertThat(lifetimes.mean(4)).isEqualTo((1 + 1 + 4 + 2) / 4.0);
    }
}

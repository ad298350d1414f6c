package org.pocketsim.engine.decode.mlp;

import org.junit.jupiter.api.Test;
import org.pocketsim.engine.memory.WeightCache;
import org.pocketsim.engine.memory.eviction.LruPolicy;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class NextLayerPrefetcherTest {

    @Test
    void predictsTheNextLayersExpertsThatPastTokensChoseTogetherWithThisLayersChoiceAndSkipsResidentOnes() {
        NextLayerPrefetcher p = new NextLayerPrefetcher(2, 4, 1, 1);
        WeightCache next = new WeightCache(4, 2, new LruPolicy(), new SplittableRandom(1));
        assertThat(p.afterRouting(0, 0, new int[] {2}, 1, next)).isZero();       // nothing learnt yet
        assertThat(p.afterRouting(1, 0, new int[] {3}, 1, null)).isZero();       // learns (2 -> 3); last layer
        assertThat(p.afterRouting(0, 1, new int[] {2}, 1, next)).isEqualTo(1);  // 2 was followed by 3
        assertThat(p.picked()[0]).isEqualTo(3);
        p.afterRouting(1, 1, new int[] {3}, 1, null);
        assertThat(p.used()).isEqualTo(1);
        assertThat(p.issued()).isEqualTo(1);
        next.step(new int[] {3}, 1);
        assertThat(p.afterRouting(0, 2, new int[] {2}, 1, next)).isZero();       // 3 is resident: nothing to read
    }
}

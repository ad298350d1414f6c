package org.pocketsim.engine.decode;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WeightPlanTest {

    @Test
    void llamaCppBlockTypesHaveTheBitsTheirBlockLayoutsGive() {
        assertThat(WeightBits.of("q4_0")).isEqualTo(4.5);     // 18 B per 32 weights
        assertThat(WeightBits.of("q8_0")).isEqualTo(8.5);     // 34 B per 32
        assertThat(WeightBits.of("q4_k")).isEqualTo(4.5);     // 144 B per 256
        assertThat(WeightBits.of("q6_k")).isEqualTo(6.5625);  // 210 B per 256
        assertThat(WeightBits.of("int4-g128")).isEqualTo(4.125);
        assertThat(WeightBits.of("fp16")).isEqualTo(16.0);
    }

    @Test
    void q4kmGivesVAndDownSixBitsInTheMoreBitsLayersAndTheLmHeadSixBits() {
        WeightPlan plan = WeightPlan.of("q4_k_m", null, 32);
        // use_more_bits(i, 32): i < 4, i >= 28, or (i - 4) % 3 == 2
        int[] more = {0, 1, 2, 3, 6, 9, 12, 15, 18, 21, 24, 27, 28, 29, 30, 31};
        int count = 0;
        for (int l = 0; l < 32; l++) {
            boolean expected = contains(more, l);
            assertThat(plan.bits(l, "v")).as("v of layer " + l).isEqualTo(expected ? 6.5625 : 4.5);
            assertThat(plan.bits(l, "down")).isEqualTo(expected ? 6.5625 : 4.5);
            assertThat(plan.bits(l, "up")).isEqualTo(4.5);
            assertThat(plan.bits(l, "q")).isEqualTo(4.5);
            if (expected) count++;
        }
        assertThat(count).isEqualTo(16);
        assertThat(plan.lmHeadBits()).isEqualTo(6.5625);
        assertThat(WeightPlan.of("int4", "int8", 32).lmHeadBits()).isEqualTo(8.0);
    }

    private static boolean contains(int[] a, int v) {
        for (int x : a) if (x == v) return true;
        return false;
    }

    @Test
    void anUnknownFormatNamesTheAcceptedForms() {
        assertThatThrownBy(() -> WeightBits.of("int4-g128x"))
                .hasMessageStartingWith("unknown weight format 'int4-g128x' (accepted: a number format such as int4-g128")
                .hasMessageContaining("q4_k_m");
    }
}

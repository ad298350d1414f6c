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
            assertThat(plan.bits(l, "v", 4096)).as("v of layer " + l).isEqualTo(expected ? 6.5625 : 4.5);
            assertThat(plan.bits(l, "down", 4096)).isEqualTo(expected ? 6.5625 : 4.5);
            assertThat(plan.bits(l, "up", 4096)).isEqualTo(4.5);
            assertThat(plan.bits(l, "q", 4096)).isEqualTo(4.5);
            if (expected) count++;
        }
        assertThat(count).isEqualTo(16);
        assertThat(plan.lmHeadBits(4096)).isEqualTo(6.5625);
        assertThat(WeightPlan.of("int4", "int8", 32).lmHeadBits(4096)).isEqualTo(8.0);
    }

    @Test
    void rowsThatTwoHundredFiftySixDoesNotDivideFallBackAsLlamaCppStoresThem() {
        // Qwen2-0.5B: hidden 896 = 3.5 x 256, FFN 4864 = 19 x 256, 24 layers; layers 0-2 are "more bits" layers, 4 is not.
        WeightPlan q4km = WeightPlan.of("q4_k_m", null, 24);
        assertThat(q4km.bits(1, "q", 896)).isEqualTo(5.5);       // q4_k -> q5_0: 22 B per 32
        assertThat(q4km.bits(1, "up", 896)).isEqualTo(5.5);
        assertThat(q4km.bits(0, "v", 896)).isEqualTo(8.5);       // q6_k -> q8_0: 34 B per 32
        assertThat(q4km.bits(4, "v", 896)).isEqualTo(5.5);
        assertThat(q4km.bits(0, "down", 4864)).isEqualTo(6.5625); // divisible: stays q6_k
        assertThat(q4km.bits(4, "down", 4864)).isEqualTo(4.5);    // and q4_k (layer 4: not a "more bits" layer)
        assertThat(q4km.lmHeadBits(896)).isEqualTo(8.5);          // the tied output: q8_0
        WeightPlan iq4xs = WeightPlan.of("iq4_xs", "q6_k", 24);
        assertThat(iq4xs.bits(1, "q", 896)).isEqualTo(4.5);      // iq4_xs (4.25) -> iq4_nl: 18 B per 32
        assertThat(iq4xs.bits(1, "down", 4864)).isEqualTo(4.25);
        assertThat(iq4xs.lmHeadBits(896)).isEqualTo(8.5);
        assertThat(WeightPlan.of("int4-g128", null, 24).bits(1, "q", 896)).isEqualTo(4.125);  // not a llama.cpp type
    }

    @Test
    void iq4xsStoresVInQ5kWhereFourOrMoreQueryHeadsShareAKvHead() {
        // llama.cpp's llama_tensor_get_type: IQ4_XS / IQ4_NL give attn_v q5_k when n_gqa() >= 4, and the output q6_k.
        WeightPlan llama3 = WeightPlan.of("iq4_xs", null, 32, 4);       // Llama-3.1-8B: 32 heads, 8 KV heads
        assertThat(llama3.bits(0, "v", 4096)).isEqualTo(5.5);           // q5_k: 176 B per 256
        assertThat(llama3.bits(31, "v", 4096)).isEqualTo(5.5);
        assertThat(llama3.bits(0, "k", 4096)).isEqualTo(4.25);          // iq4_xs: 136 B per 256
        assertThat(llama3.bits(0, "down", 14336)).isEqualTo(4.25);
        assertThat(llama3.lmHeadBits(4096)).isEqualTo(6.5625);
        assertThat(WeightPlan.of("iq4_xs", null, 32, 2).bits(0, "v", 3584)).isEqualTo(4.25);  // Gemma2-9B: 2-way
        assertThat(WeightPlan.of("iq4_nl", null, 24, 7).bits(3, "v", 896)).isEqualTo(6.0);    // Qwen2-0.5B: q5_k -> q5_1, 24 B per 32
        assertThat(WeightPlan.of("q4_k_m", null, 32, 4).bits(4, "v", 4096)).isEqualTo(4.5);   // other mixes keep their rules
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

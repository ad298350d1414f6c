package org.pocketsim.kernel.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FormatRegistryTest {

    @Test
    void everyFixedNameResolvesToAFormatOfThatName() {
        for (String name : FormatRegistry.FIXED_NAMES) {
            assertThat(FormatRegistry.get(name).name()).isEqualTo(name);
        }
    }

    @Test
    void patternsBuildTheRightFamily() {
        assertThat(FormatRegistry.get("int8")).isInstanceOf(IntFormat.class);
        assertThat(FormatRegistry.get("int4-g128")).isInstanceOf(GroupIntFormat.class);
        assertThat(FormatRegistry.get("nf4-g128")).isInstanceOf(Nf4Format.class);
        assertThat(FormatRegistry.get("ternary-g64")).isInstanceOf(TernaryFormat.class);
        assertThat(FormatRegistry.get("vq-b4-d2")).isInstanceOf(VectorQuantFormat.class);
        assertThat(FormatRegistry.get("mxfp4")).isInstanceOf(MxFormat.class);
        assertThat(FormatRegistry.get("fp16")).isSameAs(FormatRegistry.get("fp16"));
        assertThat(FormatRegistry.scalar("bf16").bits()).isEqualTo(16);
    }

    @Test
    void scalarBitsPerElement() {
        assertThat(FormatRegistry.get("fp8-e4m3").bitsPerElement()).isEqualTo(8.0);
        assertThat(FormatRegistry.get("int4").bitsPerElement()).isEqualTo(4.0);
        assertThat(FormatRegistry.get("fp32").bitsPerElement()).isEqualTo(32.0);
        assertThat(FormatRegistry.get("fp4-e2m1").bitsPerElement()).isEqualTo(4.0);
    }

    @Test
    void unknownOrMalformedNamesAreClearErrors() {
        assertThatThrownBy(() -> FormatRegistry.get("fp7")).hasMessageContaining("unknown number format 'fp7'");
        assertThatThrownBy(() -> FormatRegistry.get("int4-g0")).hasMessageContaining("int4-g0");
        assertThatThrownBy(() -> FormatRegistry.get("int99")).hasMessageContaining("int99");
        assertThatThrownBy(() -> FormatRegistry.scalar("mxfp4")).hasMessageContaining("block format");
        assertThatThrownBy(() -> FormatRegistry.get("vq-b17-d4")).hasMessageContaining("b = 16");
    }
}
